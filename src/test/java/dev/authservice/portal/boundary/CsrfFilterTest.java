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

    private static String field(String form) {
        return CsrfFilter.field(form.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyFormThePortalTakesIsChecked() {
        for (Class<?> resource : List.of(PortalResource.class, AccountPageResource.class)) {
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
        for (Class<?> resource : List.of(PortalResource.class, AccountPageResource.class)) {
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
