package uk.org.earlyhelp.gateway.intake.hl7;

import java.net.Socket;
import java.net.SocketTimeoutException;
import org.apache.camel.component.mllp.MllpSocketException;
import org.apache.camel.component.mllp.MllpTcpServerConsumer;
import org.apache.camel.component.mllp.internal.Hl7Util;
import org.apache.camel.component.mllp.internal.MllpSocketBuffer;
import org.apache.camel.component.mllp.internal.TcpSocketConsumerRunnable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads MLLP frames from one connection and hands each to the consumer, which processes it and writes its
 * acknowledgement. Bytes read beyond the end of one frame are kept for the next (the 4.17 reader drops
 * them), and a frame over {@code maxBufferSize} resets the connection. Logs sizes and addresses only.
 */
final class PipelinedFrameReader extends TcpSocketConsumerRunnable {

    private static final Logger LOG = LoggerFactory.getLogger(PipelinedFrameReader.class);

    private final MllpTcpServerConsumer consumer;
    private final Socket socket;
    private final MllpSocketBuffer buffer;
    private volatile boolean reading;

    PipelinedFrameReader(MllpTcpServerConsumer consumer, Socket socket, MllpSocketBuffer buffer) {
        super(consumer, socket, buffer, new Hl7Util(1, false), false);
        this.consumer = consumer;
        this.socket = socket;
        this.buffer = buffer;
    }

    @Override
    public void run() {
        reading = true;
        try {
            while (reading && socket.isConnected() && !socket.isClosed()) {
                if (buffer.hasCompleteEnvelope()) {
                    processFrame();
                } else if (!read()) {
                    return;
                }
            }
        } catch (RuntimeException unexpected) {
            LOG.error("MLLP connection from {} ended by {}", getRemoteAddress(), unexpected.getClass().getName());
        } finally {
            consumer.getConsumerRunnables().remove(this);
            buffer.resetSocket(socket);
        }
    }

    /** The acknowledgement is written through the same buffer, so what follows the frame is set aside first. */
    private void processFrame() {
        byte[] frame = buffer.toMllpPayload();
        byte[] following = buffer.hasTrailingOutOfBandData() ? buffer.getTrailingOutOfBandData() : null;
        buffer.reset();
        consumer.processMessage(frame, this);
        buffer.reset();
        if (following != null) {
            buffer.write(following);
        }
    }

    /** @return false when the connection is finished */
    private boolean read() {
        try {
            buffer.readFrom(socket);
            return true;
        } catch (SocketTimeoutException idle) {
            if (buffer.isEmpty()) {
                return true;
            }
            LOG.warn("MLLP connection from {} reset: an incomplete frame of {} bytes timed out", getRemoteAddress(),
                    buffer.size());
            return false;
        } catch (MllpSocketException closed) {
            // Closed by the sender, or a TLS handshake that failed (no or a foreign certificate).
            LOG.info("MLLP connection from {} closed ({})", getRemoteAddress(),
                    closed.getCause() == null ? "end of stream" : closed.getCause().getClass().getSimpleName());
            return false;
        } catch (IllegalStateException tooLarge) {
            // MllpSocketBuffer refuses to grow past maxBufferSize.
            LOG.warn("MLLP connection from {} reset: a frame exceeded {} bytes", getRemoteAddress(),
                    consumer.getConfiguration().getMaxBufferSize());
            return false;
        }
    }

    @Override
    public void stop() {
        reading = false;
        super.stop();
        buffer.resetSocket(socket);
    }
}
