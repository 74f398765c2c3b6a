package uk.org.earlyhelp.gateway.intake.hl7;

import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.component.mllp.MllpComponent;
import org.apache.camel.component.mllp.MllpComponentConfigurer;
import org.apache.camel.component.mllp.MllpConfiguration;
import org.apache.camel.component.mllp.MllpEndpoint;
import org.apache.camel.component.mllp.MllpEndpointConfigurer;
import org.apache.camel.component.mllp.MllpTcpServerConsumer;
import org.apache.camel.component.mllp.internal.MllpSocketBuffer;
import org.apache.camel.spi.PropertyConfigurer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * camel-mllp 4.17 with two of its consumer's traps closed, and otherwise unchanged (same options, same
 * exchange, same acknowledgement handling):
 * <ul>
 * <li>Several frames arriving in one TCP read (a sender that pipelines, or one TCP write of several
 *     messages) are each processed and acknowledged. 4.17 processes the first and drops the rest as
 *     "trailing out-of-band data", logging their bytes (CAMEL-24668, fixed in 4.18.x and 4.22.x).</li>
 * <li>No separate "validation" first read: in 4.17 a first frame larger than {@code maxBufferSize}
 *     escapes that thread and leaves the connection open; here it resets the connection.</li>
 * </ul>
 * Remove this class (and the {@code mllp} bean) when the gateway moves to a Camel with CAMEL-24668.
 * Payloads are never logged here, whatever {@code logPhi} says: only sizes and addresses.
 */
public class PipeliningMllpComponent extends MllpComponent {

    public PipeliningMllpComponent() {
        // Safe without configuration: camel.component.mllp.* may still set these, never needs to.
        setLogPhi(false);
        setLogPhiMaxBytes(1);
    }

    /** Camel finds generated configurers by class name; a subclass must name its parent's. */
    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        return new MllpComponentConfigurer();
    }

    @Override
    public PropertyConfigurer getEndpointPropertyConfigurer() {
        return new MllpEndpointConfigurer();
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MllpEndpoint configured = (MllpEndpoint) super.createEndpoint(uri, remaining, parameters);
        MllpEndpoint endpoint = new PipeliningEndpoint(uri, this, configured.getConfiguration());
        endpoint.setHostname(configured.getHostname());
        endpoint.setPort(configured.getPort());
        // MllpConfiguration.copy() leaves out the buffer limits: without this the limit would be 1 GiB.
        endpoint.getConfiguration().setMinBufferSize(configured.getConfiguration().getMinBufferSize());
        endpoint.getConfiguration().setMaxBufferSize(configured.getConfiguration().getMaxBufferSize());
        return endpoint;
    }

    static final class PipeliningEndpoint extends MllpEndpoint {

        PipeliningEndpoint(String uri, MllpComponent component, MllpConfiguration configuration) {
            super(uri, component, configuration);
        }

        @Override
        public Consumer createConsumer(Processor processor) throws Exception {
            Consumer consumer = new PipeliningConsumer(this, processor);
            configureConsumer(consumer);
            return consumer;
        }
    }

    static final class PipeliningConsumer extends MllpTcpServerConsumer {

        private static final Logger LOG = LoggerFactory.getLogger(PipeliningConsumer.class);

        private final ExecutorService readers;

        PipeliningConsumer(MllpEndpoint endpoint, Processor processor) {
            super(endpoint, processor);
            readers = new ThreadPoolExecutor(1, getConfiguration().getMaxConcurrentConsumers(),
                    getConfiguration().getAcceptTimeout(), TimeUnit.MILLISECONDS, new SynchronousQueue<>());
        }

        /** Straight to a reader: its first read is an ordinary read, with the same limits. */
        @Override
        public void validateConsumer(Socket clientSocket) {
            startConsumer(clientSocket, new MllpSocketBuffer(getEndpoint()));
        }

        @Override
        public void startConsumer(Socket clientSocket, MllpSocketBuffer buffer) {
            PipelinedFrameReader reader = new PipelinedFrameReader(this, clientSocket, buffer);
            getConsumerRunnables().put(reader, System.currentTimeMillis());
            try {
                readers.submit(reader);
                getEndpoint().updateLastConnectionEstablishedTicks();
            } catch (RejectedExecutionException tooMany) {
                LOG.warn("MLLP connection from {} refused: {} connections already open", reader.getRemoteAddress(),
                        getConfiguration().getMaxConcurrentConsumers());
                getConsumerRunnables().remove(reader);
                buffer.resetSocket(clientSocket);
            }
        }

        @Override
        protected void doShutdown() throws Exception {
            super.doShutdown();
            readers.shutdownNow();
        }
    }
}
