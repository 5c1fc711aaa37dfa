package dev.worklens.sync.engine;

import dev.worklens.sync.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every {@link Source} bean by id. When two beans claim one id the one of highest precedence
 * ({@code @Order}) wins, which lets a test stand in for a real source.
 */
@Component
public class SyncSources {

    public static final List<String> KNOWN = List.of("slack", "github");

    private final Map<String, Source> byId = new LinkedHashMap<>();

    SyncSources(ObjectProvider<Source> sources) {
        List<Source> ordered = new ArrayList<>(sources.orderedStream().toList());
        for (Source source : ordered) {
            byId.putIfAbsent(source.id(), source);
        }
    }

    public Optional<Source> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean installed(String id) {
        return byId.containsKey(id);
    }
}
