package dev.mvirt.api.rest;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body within the server's limit. A body past the limit is answered 413 only after the rest of it
 * has been read and dropped (up to {@link #DRAIN_BYTES} more): answering while the client was still sending made
 * the server close a connection with unread bytes in it, the kernel reset it, and the client lost the 413 with it
 * ("header parser received no bytes", about 1 in 300 oversized requests on loopback). A body even larger than that
 * is answered 413 with {@code Connection: close}.
 */
final class RequestBody {
    /** How much of an oversized body is read and dropped so that its 413 arrives over an intact connection. */
    static final long DRAIN_BYTES = 16L << 20;

    private RequestBody() {}

    /** The body of {@code ctx}'s request, at most {@code max} bytes; 413 past that, 400 when it cannot be read. */
    static byte[] read(Context ctx, long max) {
        try {
            return read(ctx.req().getInputStream(), ctx.req().getContentLengthLong(), max, DRAIN_BYTES);
        } catch (TooLarge e) {
            if (!e.drained) {
                ctx.header("Connection", "close");
            }
            throw new ApiException(
                    413, "too_large", "the request body is larger than " + max + " bytes, this server's limit");
        } catch (IOException e) {
            throw ApiException.malformed("", "the body cannot be read: it ended early or the connection failed");
        }
    }

    /**
     * The {@code declared} (or, when negative, unknown) number of bytes from {@code in}, at most {@code max}.
     *
     * @throws TooLarge past {@code max}, after reading up to {@code drain} bytes more
     * @throws IOException when the stream fails or ends before its declared length
     */
    static byte[] read(InputStream in, long declared, long max, long drain) throws IOException {
        if (declared >= 0 && declared <= max) {
            byte[] body = in.readNBytes((int) declared);
            if (body.length < declared) {
                throw new IOException("the body ended after " + body.length + " of " + declared + " bytes");
            }
            return body;
        }
        if (declared < 0) {
            byte[] body = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            if (body.length <= max) {
                return body;
            }
        }
        throw new TooLarge(skipToEnd(in, drain));
    }

    /** Reads and drops up to {@code limit} bytes; whether the stream ended within them. */
    private static boolean skipToEnd(InputStream in, long limit) throws IOException {
        byte[] buf = new byte[8192];
        long left = limit;
        while (left >= 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left + 1));
            if (n < 0) {
                return true;
            }
            left -= n;
        }
        return false;
    }

    /** A body past the limit; {@code drained} when all of it was read. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        final boolean drained;

        TooLarge(boolean drained) {
            super("request body too large", null);
            this.drained = drained;
        }
    }
}
