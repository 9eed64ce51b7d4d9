package dev.authservice.portal.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which portal requests the CSRF filter checks, and the field it reads from a form. */
class CsrfFilterTest {

    /**
     * Every resource of the portal's own pages. Not OpenIdPagesResource: an authorization request
     * may come as a form from any relying party's page, by design (OpenID Connect Core 3.1.2.1).
     */
    private static final List<Class<?>> PORTAL_RESOURCES = List.of(
            PortalResource.class,
            AccountPageResource.class,
            AccountPasskeysResource.class,
            AccountTotpResource.class,
            SignUpResource.class,
            PasswordResetResource.class,
            AdminConsoleResource.class,
            AdminAccountResource.class);

    private static String field(String form) {
        return CsrfFilter.field(form.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyFormThePortalTakesIsChecked() {
        for (Class<?> resource : PORTAL_RESOURCES) {
            List<Method> posts = Arrays.stream(resource.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(POST.class))
                    .toList();
            assertTrue(posts.size() > 0, resource.getSimpleName());
            for (Method post : posts) {
                assertTrue(
                        post.isAnnotationPresent(CsrfChecked.class), resource.getSimpleName() + "." + post.getName());
            }
        }
    }

    @Test
    void pagesThatOnlyShowSomethingAreNot() {
        for (Class<?> resource : PORTAL_RESOURCES) {
            Arrays.stream(resource.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(GET.class))
                    .forEach(get -> assertTrue(
                            !get.isAnnotationPresent(CsrfChecked.class),
                            resource.getSimpleName() + "." + get.getName()));
        }
    }

    @Test
    void theFieldIsReadWhereverItStandsAndDecoded() {
        assertEquals("a b/c", field("username=alice&csrf=a+b%2Fc&password=x"));
        assertEquals("first", field("csrf=first"));
        assertEquals("last", field("a=1&b=2&csrf=last"));
    }

    @Test
    void theFirstOfTwoCounts() {
        assertEquals("one", field("csrf=one&csrf=two"));
    }

    @Test
    void aFormWithoutItHasNone() {
        assertNull(field("username=alice&password=x"));
        assertNull(field(""));
        assertNull(field("csrfx=1&xcsrf=2"));
    }

    @Test
    void anEmptyOrBrokenValueMatchesNoCookie() {
        assertEquals("", field("csrf="));
        assertEquals("", field("csrf"));
        assertEquals("", field("csrf=%zz"));
    }
}
