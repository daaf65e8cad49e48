package io.nqpf.advisor.abuse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A client that writes HTTP/1.1 by hand, as an attacker would: half-sent bodies, ambiguous framing, no reading. */
final class Raw implements AutoCloseable {

    final Socket socket;

    Raw(URI base) throws IOException {
        this(base, -1);
    }

    /** @param receiveBuffer the socket's receive buffer in bytes, or -1 for the system's */
    Raw(URI base, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()));
        socket.setSoTimeout(60_000);
    }

    Raw send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    Raw send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /** The status line and headers of the next answer, or null when the connection ends first. */
    String head() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            out.write(b);
            String text = out.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
        return out.size() == 0 ? null : out.toString(StandardCharsets.ISO_8859_1);
    }

    /** The status of the next answer, or -1 when the connection ends (or is reset) before one. */
    int status() throws IOException {
        try {
            String head = head();
            return head == null || !head.startsWith("HTTP/1.1 ") ? -1 : Integer.parseInt(head.substring(9, 12));
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Everything until the connection ends (or is reset). */
    byte[] rest() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        try {
            int n;
            while ((n = socket.getInputStream().read(buf)) >= 0) {
                out.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            // reset: what arrived before it is what there is
        }
        return out.toByteArray();
    }

    static String post(String path, String headers, long length) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" + headers
                + (length >= 0 ? "Content-Length: " + length + "\r\n" : "") + "\r\n";
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
