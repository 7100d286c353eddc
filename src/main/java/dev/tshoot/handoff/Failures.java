package dev.tshoot.handoff;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * A store's answer or a broken connection, as a {@link SendFailure}: what failed, and what to do.
 * Works from the S3 error code and HTTP status only, so it means the same for AWS, MinIO, Ceph or R2.
 */
final class Failures {

    private Failures() {}

    static final String RETRY = "Run the same 'send' again: the bundle is still on disk, and a bundle sent in parts resumes"
            + " with the parts the store already holds.";

    /** An S3 error: {@code code} and {@code message} from its XML body (either may be null). */
    static SendFailure store(int status, String code, String message, String where) {
        String c = code == null ? "" : code;
        String m = message == null ? "" : message;
        String said = " (HTTP " + status + (c.isEmpty() ? "" : " " + c) + (m.isEmpty() ? "" : ": " + m) + ")";
        String lower = (c + " " + m).toLowerCase(Locale.ROOT);
        if (lower.contains("expired")) {
            return new SendFailure("The store refused the upload to " + where + ": the pre-signed URL or the credentials have expired" + said + ".",
                    "Ask support for a new pre-signed URL (or renew your credentials) and run 'send' again; the bundle is kept.");
        }
        if (status == 301 || c.equals("PermanentRedirect") || c.equals("AuthorizationHeaderMalformed")
                || c.equals("IllegalLocationConstraintException") || lower.contains("region")) {
            return new SendFailure("The bucket is not in the region this upload was signed for" + said + ".",
                    "Give the bucket's region with --region (for example --region eu-west-1) and run 'send' again.");
        }
        if (c.equals("NoSuchBucket")) {
            return new SendFailure("There is no bucket at " + where + said + ".",
                    "Check the --bucket name (and --endpoint for a store other than AWS) with support, then run 'send' again.");
        }
        if (c.equals("InvalidAccessKeyId") || c.equals("SignatureDoesNotMatch") || c.equals("AccessDenied") || status == 403) {
            return new SendFailure("The store refused the credentials or the URL for " + where + said + ".",
                    "With a pre-signed URL, ask support for a new one; with --bucket, check the AWS profile or"
                            + " AWS_ACCESS_KEY_ID in use can write there. The bundle is kept.");
        }
        if (status == 507 || lower.contains("storagefull") || lower.contains("insufficient") || lower.contains("quota")
                || c.equals("EntityTooLarge")) {
            return new SendFailure("The store has no room for the bundle at " + where + said + ".",
                    "Tell support their store is full (or the bundle is over its limit); the bundle is kept on disk. " + RETRY);
        }
        if (status >= 500) {
            return new SendFailure("The store failed the upload to " + where + ", also on retry" + said + ".",
                    "Wait a few minutes and run 'send' again. " + RETRY);
        }
        return new SendFailure("The store refused the upload to " + where + said + ".", RETRY);
    }

    /** A transport failure (no answer at all), or null when {@code e} is none of those. */
    static SendFailure network(Throwable e, String where) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return new SendFailure("Cannot reach " + where + ": the host name '" + t.getMessage() + "' does not resolve (no network, or a wrong --endpoint).",
                        "Check the network connection and the address, then run 'send' again. " + RETRY);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new SendFailure("Cannot reach " + where + ": the connection was refused or there is no route (no network, or the store is down).",
                        "Check the network connection and the address, then run 'send' again. " + RETRY);
            }
            if (t instanceof SocketTimeoutException) {
                return new SendFailure("The store at " + where + " did not answer in time.", "Check the network connection. " + RETRY);
            }
            if (t instanceof SocketException || t instanceof java.io.EOFException
                    || t instanceof java.io.IOException && brokenConnection(String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT))) {
                return new SendFailure("The connection to " + where + " broke during the upload (" + t.getMessage() + "), also on retry.",
                        RETRY);
            }
        }
        return null;
    }

    /** An I/O message that a connection cut off mid-request gives (the JDK's HttpURLConnection and HttpClient). */
    private static boolean brokenConnection(String m) {
        return m.contains("closed") || m.contains("error writing request body") || m.contains("reset") || m.contains("broken pipe")
                || m.contains("unexpected end") || m.contains("premature");
    }

    /** The {@code <Code>} or {@code <Message>} of an S3 XML error body, or null. */
    static String xml(String body, String element) {
        if (body == null) {
            return null;
        }
        int a = body.indexOf("<" + element + ">");
        int b = body.indexOf("</" + element + ">");
        return a < 0 || b < a ? null : body.substring(a + element.length() + 2, b).strip();
    }
}
