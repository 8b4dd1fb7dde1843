package org.beaconpm.browser;

import com.microsoft.playwright.Browser;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test methods the one {@link Browser} of the run: launched by the first test class that needs it, kept in the
 * root store so that JUnit closes it when the run ends.
 */
final class ChromiumExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Chromium.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Chromium.requireInstalled();
        chromium(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return chromium(context).browser();
    }

    private static Chromium chromium(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Chromium.class, key -> Chromium.launch(), Chromium.class);
    }
}
