/** The canonical flag: what every intake channel turns its input into and what the pipeline works on. */
package uk.org.earlyhelp.routes.model;
