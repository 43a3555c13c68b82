package org.creatorarchiver.orchestrator.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The dashboard's jte templates ({@code src/main/jte}), compiled into classes at build time: rendering looks nothing
 * up on disk, and every value is HTML-escaped unless a template says otherwise.
 */
public final class Templates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {}

    /** Renders {@code name} (e.g. {@code "overview.jte"}) with its parameters by name. */
    public static String render(String name, Map<String, Object> parameters) {
        StringOutput output = new StringOutput();
        ENGINE.render(name, parameters, output);
        return output.toString();
    }
}
