/** The locality worker's console pages: their team's alerts, one alert, acknowledge and assign. */
package uk.org.earlyhelp.gateway.console.alerts;
