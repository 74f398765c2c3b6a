/**
 * Probabilistic (Fellegi–Sunter) person scoring: per-field comparison levels, m/u weights from a stored
 * resource, a total score and two thresholds. Plain Java; not yet wired into the pipeline.
 */
package uk.org.earlyhelp.gateway.matching.scoring;
