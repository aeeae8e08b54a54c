package io.rekindle.messaging.template;

import java.util.List;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.IfSectionHelper;
import io.quarkus.qute.LoopSectionHelper;
import io.quarkus.qute.SetSectionHelper;
import io.quarkus.qute.ValueResolvers;
import io.quarkus.qute.Variant;
import io.quarkus.qute.WhenSectionHelper;

/**
 * The Qute engine stored templates run in. Not the application's engine: that one resolves {@code config:},
 * {@code inject:} and {@code cdi:} and calls methods by reflection, so a template saved through the API could read the
 * service's secrets. This one knows maps, lists, numbers and the {@code ?:}/{@code ??} defaults, the sections
 * {@code if}, {@code for}/{@code each}, {@code let}/{@code set} and {@code when}/{@code switch}, and escapes every value
 * written into an HTML part ({@code .raw} opts out, and {@link TemplateRules} allows that only for data Rekindle made).
 */
final class SandboxedEngine {

    static final Variant HTML = Variant.forContentType(Variant.TEXT_HTML);

    private SandboxedEngine() {
    }

    static Engine create() {
        return Engine.builder()
                .addDefaultValueResolvers()
                .addValueResolver(ValueResolvers.rawResolver())
                .addSectionHelpers(new IfSectionHelper.Factory(), new LoopSectionHelper.Factory(),
                        new SetSectionHelper.Factory(), new WhenSectionHelper.Factory())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
                .strictRendering(true)
                .removeStandaloneLines(true)
                .build();
    }
}
