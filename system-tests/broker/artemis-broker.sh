#!/usr/bin/env bash
# A standalone ActiveMQ Artemis broker for the gateway, as an operator would run one: persistent journal
# (synced to disk), login required, one TLS listener (CORE and AMQP 1.0) on loopback, the gateway's queues
# created up front, and the redelivery the pipeline expects (0.5 s, doubling, at most 30 s apart).
#
#   artemis-broker.sh create ARTEMIS_HOME INSTANCE PORT PKI_DIR USER PASSWORD
#       ARTEMIS_HOME  the unpacked server distribution (org.apache.activemq:apache-artemis:<v>:tar.gz:bin)
#       INSTANCE      the broker instance to create (configuration in etc/, journal in data/)
#       PKI_DIR       the gateway's development PKI (java -jar gateway.jar --prepare-development-pki):
#                     server.p12 is the listener's key, keystore-password its password
#       USER PASSWORD the account the gateways log in with (role "gateway", every permission)
#   artemis-broker.sh run INSTANCE
#       runs the broker in the foreground (stop it with SIGTERM; the journal survives kill -9 too)
#
# The gateways then connect with
#   spring.artemis.broker-url=tcp://localhost:PORT?sslEnabled=true;trustStoreType=PKCS12;trustStorePath=PKI_DIR/truststore.p12;trustStorePassword=...
set -euo pipefail

# The gateway's broker addresses (routes/Queues) and the demonstration localities' alert queues.
QUEUES=flags.received,flags.dead-letter,flags.inbound.dead-letter,alerts.triage
QUEUES+=,alerts.locality.runcorn-north,alerts.locality.runcorn-south,alerts.locality.widnes

create() {
  local home=$1 instance=$2 port=$3 pki=$4 user=$5 password=$6
  local store_password
  store_password=$(tr -d '[:space:]' < "$pki/keystore-password")
  local queues=""
  for queue in ${QUEUES//,/ }; do queues+="${queues:+,}$queue:anycast"; done

  bash "$home/bin/artemis" create "$instance" --force --silent --nio --no-web --no-autotune \
      --require-login --user "$user" --password "$password" --role gateway \
      --host 127.0.0.1 --java-memory 512M --queues "$queues" \
      --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor

  local broker_xml="$instance/etc/broker.xml"
  # One TLS listener instead of the plain all-protocol one; clients verify the server against the PKI's CA.
  local tls="tcp://127.0.0.1:$port?sslEnabled=true;keyStoreType=PKCS12;keyStorePath=$pki/server.p12"
  tls+=";keyStorePassword=$store_password;protocols=CORE,AMQP;amqpDuplicateDetection=true"
  sed -i "s|<acceptor name=\"artemis\">.*</acceptor>|<acceptor name=\"tls\">$tls</acceptor>|" "$broker_xml"
  # Redelivery as the embedded broker has it: a rolled-back flag waits, growing, so an outage is waited out.
  sed -i "s|</address-settings>|$(tr -d '\n' <<'XML'
  <address-setting match="flags.#">
     <dead-letter-address>DLQ</dead-letter-address>
     <max-delivery-attempts>50</max-delivery-attempts>
     <redelivery-delay>500</redelivery-delay>
     <redelivery-delay-multiplier>2.0</redelivery-delay-multiplier>
     <max-redelivery-delay>30000</max-redelivery-delay>
  </address-setting>
</address-settings>
XML
)|" "$broker_xml"
  grep -q '<acceptor name="tls">' "$broker_xml" || { echo "could not configure the TLS listener in $broker_xml" >&2; exit 1; }
  grep -q '<journal-datasync>true</journal-datasync>' "$broker_xml" || { echo "journal is not synced to disk" >&2; exit 1; }
  echo "broker instance ready in $instance (TLS on 127.0.0.1:$port)"
}

run() {
  exec "$1/bin/artemis" run
}

case "${1:-}" in
  create) shift; create "$@" ;;
  run) shift; run "$@" ;;
  *) sed -n '2,19p' "$0" >&2; exit 64 ;;
esac
