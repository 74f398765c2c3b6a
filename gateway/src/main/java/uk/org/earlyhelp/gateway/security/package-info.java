/**
 * Who may do what: agencies are their client certificates (intake only); people log in with a role
 * (the IG officer reads the audit). One filter chain per kind of caller, each tested.
 */
package uk.org.earlyhelp.gateway.security;
