/** The consent registry: what a person or a family agreed to, as a history that is never overwritten. */
package uk.org.earlyhelp.gateway.consent;
