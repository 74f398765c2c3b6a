/**
 * The Camel routes of the gateway: one RouteBuilder per intake channel ({@code intake}) and one per
 * pipeline stage ({@code pipeline}), the canonical flag model ({@code model}) and the small interfaces
 * the routes call. Routes orchestrate; the beans behind the interfaces decide and know nothing of Camel.
 */
package uk.org.earlyhelp.routes;
