/** The IG officer's console pages: audit search, subject access report, verification, statistics. */
package uk.org.earlyhelp.gateway.console.audit;
