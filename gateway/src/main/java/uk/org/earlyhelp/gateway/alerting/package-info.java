/**
 * Alerting: the rules over a family's recent flags, the one open alert per family, and the locality
 * teams (by postcode sector or district) that receive it.
 */
package uk.org.earlyhelp.gateway.alerting;
