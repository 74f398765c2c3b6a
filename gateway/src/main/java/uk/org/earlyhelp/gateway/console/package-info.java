/**
 * The web console under {@code /console}: server-rendered pages (Thymeleaf templates in
 * {@code templates/console/}, one stylesheet with a print layout, no JavaScript), one sub-package per
 * area: {@code audit} for IG officers, {@code alerts} for locality workers. Login and roles are in
 * {@code security.ConsoleSecurityConfiguration}; every look at personal data is audited as {@code viewed}
 * on the {@value uk.org.earlyhelp.gateway.console.ConsoleChannel#ID} channel.
 */
package uk.org.earlyhelp.gateway.console;
