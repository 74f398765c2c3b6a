/**
 * The pipeline behind {@code flags.received}, one route per stage in the order a flag meets them:
 * {@link uk.org.earlyhelp.routes.pipeline.PipelineRoute} (consume, retry, dead-letter), then
 * policy, match, family and alert. Each stage calls one interface the gateway implements.
 */
package uk.org.earlyhelp.routes.pipeline;
