package io.nqpf.advisor.knowledge;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a national figure may link to: the issuing body's own site, or nothing. National bodies publish under
 * {@code gov.cn} (the State Council, stats.gov.cn, most.gov.cn, nhc.gov.cn, miit.gov.cn, cnipa.gov.cn, cac.gov.cn,
 * mof.gov.cn, moe.gov.cn, mca.gov.cn, mee.gov.cn, and local statistics bureaus for their yearbooks); CNNIC, which
 * publishes the internet surveys, under cnnic.cn and cnnic.net.cn. A figure read only in a copy on another site is
 * cited by issuer, title and date without an address, so that no mirror, content farm or spam site is served to users.
 * A figure one of the five source documents states links to it as {@code seed:<file>}.
 */
public final class OfficialSource {

    /** Domains whose sites (and subdomains) belong to issuing bodies. */
    public static final List<String> DOMAINS = List.of("gov.cn", "cnnic.cn", "cnnic.net.cn");
    /** A web address anywhere in a text. */
    public static final Pattern ADDRESS = Pattern.compile("(?i)\\bhttps?://|\\bwww\\.");

    private OfficialSource() {
    }

    public static boolean allows(String url) {
        if (url.startsWith("seed:")) {
            return url.length() > "seed:".length();
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getUserInfo() != null || uri.getPort() != -1) {
                return false;
            }
            return DOMAINS.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
