package org.beaconpm.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Whether Beacon serves an address at all: some controller (Beacon's own, the error page, the API description or the
 * actuator) handles its path, with this method or another. Used only to choose how to refuse: an address nobody
 * handles is not found, while one that exists but that the user's roles do not reach is forbidden.
 */
@Component
class Routes {

    private final ObjectProvider<AbstractHandlerMethodMapping<?>> mappings;

    Routes(ObjectProvider<AbstractHandlerMethodMapping<?>> mappings) {
        this.mappings = mappings;
    }

    /** Whether any controller handles the request's path, with its method or another. */
    boolean exist(HttpServletRequest request) {
        List<AbstractHandlerMethodMapping<?>> all = mappings.orderedStream().toList();
        for (AbstractHandlerMethodMapping<?> mapping : all) {
            // The lookup notes what it found in request attributes; a probe keeps them from the real request.
            HttpServletRequest probe = new Probe(request);
            ServletRequestPathUtils.parseAndCache(probe);
            try {
                if (mapping.getHandler(probe) != null) {
                    return true;
                }
            } catch (Exception matchedButNotThisWay) {
                // The path is handled, but not with this method, content type or parameters.
                return true;
            }
        }
        return false;
    }

    /** The request with request attributes of its own. */
    private static final class Probe extends HttpServletRequestWrapper {

        private final Map<String, Object> attributes = new HashMap<>();

        Probe(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.enumeration(attributes.keySet());
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.put(name, null);
        }
    }
}
