/** Partner agencies: who they are, which certificate subject identifies them, which flag types they send. */
package uk.org.earlyhelp.gateway.agency;
