/** The match reviewer's console page: the pairs the matcher was not sure of, side by side, and the decision. */
package uk.org.earlyhelp.gateway.console.reviews;
