package dev.authservice.portal.boundary;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links between the portal's pages that carry where the browser is going on. */
final class PortalLinks {

    private PortalLinks() {}

    /** {@code page}, with {@code ?rd=} when there is an allowed target to keep. */
    static String withTarget(String page, String target) {
        return target == null ? page : page + "?rd=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }
}
