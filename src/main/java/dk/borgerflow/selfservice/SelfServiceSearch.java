package dk.borgerflow.selfservice;

import dk.borgerflow.municipality.Municipality;
import dk.borgerflow.municipality.MunicipalityCatalogue;
import dk.borgerflow.security.CprInText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Search in the self-service catalogue (Lucene, in memory). The index is built from the database at
 * start, again after every change committed on this node, and whenever the catalogue's revision in
 * the database differs from the one it was built from (checked every
 * {@code borgerflow.self-service.index-poll}, default 10 s): so every node of a cluster, on H2 or
 * PostgreSQL, answers from the same catalogue. One document per solution and municipality it applies
 * to (own ones and the national ones it does not override), analysed in the municipality's language.
 * <p>
 * A query matches on stemmed words (also with one or two typos) and on character trigrams (compounds
 * written apart or together); the municipality's synonyms add the words they stand for; the
 * municipality's own solutions rank first. A search without a hit is counted for the editors.
 */
@Service
public class SelfServiceSearch {

    private static final Logger log = LoggerFactory.getLogger(SelfServiceSearch.class);
    public static final int MAX_QUERY_CHARS = 200;
    /** How much more an own solution of the municipality weighs than a national one. */
    static final float OWN_SOLUTION_WEIGHT = 4f;

    /** A result: the solution and how well it matched (higher is better). */
    public record Hit(SolutionView solution, float score) {
    }

    private record Snapshot(long revision, IndexSearcher searcher, AnalyzingInfixSuggester suggester,
            Map<String, SolutionView> views, Map<String, Map<String, String>> synonyms) {
    }

    private final SelfServiceCatalogue catalogue;
    private final MunicipalityCatalogue municipalities;
    private final CatalogueTables tables;
    private final SynonymRepository synonymRows;
    private final org.springframework.transaction.support.TransactionTemplate readOnly;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    SelfServiceSearch(SelfServiceCatalogue catalogue, MunicipalityCatalogue municipalities, CatalogueTables tables,
            SynonymRepository synonymRows,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.catalogue = catalogue;
        this.municipalities = municipalities;
        this.tables = tables;
        this.synonymRows = synonymRows;
        this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        catalogue.onCommittedChange(this::rebuild);
    }

    /** After the municipalities are synchronised (order 0). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(3)
    public void buildAtStart() {
        rebuild();
    }

    /** Another node's change: the revision in the database moved on. */
    @Scheduled(initialDelayString = "${borgerflow.self-service.index-poll:PT10S}",
            fixedDelayString = "${borgerflow.self-service.index-poll:PT10S}")
    void followOtherNodes() {
        Snapshot s = current.get();
        if (s != null && tables.revision() != s.revision()) {
            rebuild();
        }
    }

    /** The revision of the catalogue the index was built from (-1 before the first build). */
    public long indexedRevision() {
        Snapshot s = current.get();
        return s == null ? -1 : s.revision();
    }

    /** Builds a new index from the database and swaps it in; searches meanwhile use the previous one. */
    public synchronized void rebuild() {
        Snapshot built = readOnly.execute(tx -> build());
        current.set(built);
        log.debug("Self-service index at revision {}: {} documents", built.revision(), built.views().size());
    }

    /**
     * Ranked solutions of the municipality for the query, optionally of one topic; without a query
     * (blank) every solution of the topic or municipality, own ones first.
     *
     * @throws InvalidSelfServiceInput naming {@code q} (too long, a CPR number) or {@code topic}
     * @throws SelfServiceNotFound for an unknown municipality
     */
    public List<Hit> search(String municipality, String q, String topic, int limit) {
        Municipality m = municipalities.municipality(municipality)
                .orElseThrow(() -> new InvalidSelfServiceInput("municipality", "is not a known municipality"));
        if (topic != null && !topic.isBlank() && municipalities.topic(topic).isEmpty()) {
            throw new InvalidSelfServiceInput("topic", "is not a known topic");
        }
        String query = checkedQuery(q);
        String topicFilter = topic == null || topic.isBlank() ? null : topic;
        Snapshot s = snapshot();
        String language = SelfServiceCatalogue.language(m);
        List<Hit> hits;
        try {
            BooleanQuery.Builder b = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term("for", municipality)), Occur.FILTER);
            if (topicFilter != null) {
                b.add(new TermQuery(new Term("topic", topicFilter)), Occur.FILTER);
            }
            if (query.isEmpty()) {
                b.add(new org.apache.lucene.search.MatchAllDocsQuery(), Occur.MUST);
            } else {
                b.add(matching(expand(query, municipality, s), language), Occur.MUST);
            }
            ScoreDoc[] docs = s.searcher().search(b.build(), 200).scoreDocs;
            hits = new ArrayList<>();
            for (ScoreDoc d : docs) {
                long id = s.searcher().storedFields().document(d.doc).getField("id").numericValue().longValue();
                SolutionView v = s.views().get(key(municipality, id));
                float weight = "municipality".equals(v.source()) ? OWN_SOLUTION_WEIGHT : 1f;
                hits.add(new Hit(v, d.score * weight));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        hits.sort(Comparator.comparingDouble((Hit h) -> -h.score())
                .thenComparing(h -> "municipality".equals(h.solution().source()) ? 0 : 1)
                .thenComparing(h -> h.solution().id()));
        if (!query.isEmpty() && hits.isEmpty()) {
            tables.countMiss(municipality, query, Instant.now());
        }
        return hits.stream().limit(limit).toList();
    }

    /** Type-ahead: titles of the municipality's solutions completing what was typed so far. */
    public List<String> suggest(String municipality, String prefix, int limit) {
        municipalities.municipality(municipality)
                .orElseThrow(() -> new InvalidSelfServiceInput("municipality", "is not a known municipality"));
        String query = checkedQuery(prefix);
        if (query.isEmpty()) {
            return List.of();
        }
        Snapshot s = snapshot();
        Set<String> titles = new LinkedHashSet<>();
        try {
            for (Lookup.LookupResult r : s.suggester().lookup(query, Set.of(new BytesRef(municipality)), limit, true,
                    false)) {
                titles.add(r.key.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (titles.size() < limit) {
            // nothing starts like that (a typo, a compound written apart): the best search hits instead
            for (Hit h : searchQuietly(municipality, query)) {
                titles.add(h.solution().title());
            }
        }
        return titles.stream().limit(limit).toList();
    }

    private List<Hit> searchQuietly(String municipality, String query) {
        Snapshot s = snapshot();
        Municipality m = municipalities.municipality(municipality).orElseThrow();
        try {
            Query q = new BooleanQuery.Builder().add(new TermQuery(new Term("for", municipality)), Occur.FILTER)
                    .add(matching(expand(query, municipality, s), SelfServiceCatalogue.language(m)), Occur.MUST).build();
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc d : s.searcher().search(q, 5).scoreDocs) {
                long id = s.searcher().storedFields().document(d.doc).getField("id").numericValue().longValue();
                hits.add(new Hit(s.views().get(key(municipality, id)), d.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Snapshot snapshot() {
        Snapshot s = current.get();
        if (s == null) {
            rebuild();
            s = current.get();
        }
        return s;
    }

    static String checkedQuery(String q) {
        if (q == null) {
            return "";
        }
        String query = q.strip().replaceAll("\\s+", " ");
        if (query.length() > MAX_QUERY_CHARS) {
            throw new InvalidSelfServiceInput("q", "must be at most " + MAX_QUERY_CHARS + " characters");
        }
        if (CprInText.containsCpr(query)) {
            throw new InvalidSelfServiceInput("q", "must not contain a CPR number");
        }
        if (!dk.borgerflow.security.StorableText.isStorable(query)) {
            throw new InvalidSelfServiceInput("q", "contains characters that cannot be searched for");
        }
        return query.toLowerCase(Locale.ROOT);
    }

    /** The query with the words its synonyms stand for (the municipality's, then those for everyone). */
    private static String expand(String query, String municipality, Snapshot s) {
        String folded = " " + SearchAnalyzers.fold(query) + " ";
        StringBuilder expanded = new StringBuilder(query);
        for (String scope : List.of(municipality, "")) {
            for (var e : s.synonyms().getOrDefault(scope, Map.of()).entrySet()) {
                if (folded.contains(" " + e.getKey() + " ")) {
                    expanded.append(' ').append(e.getValue());
                }
            }
        }
        return expanded.toString();
    }

    /** Words (exact stems, typos, the last one as a prefix) or trigrams, over title, keywords and text. */
    private static Query matching(String query, String language) throws IOException {
        List<String> words = terms(SearchAnalyzers.words(language), query);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            for (String field : List.of("title_" + language, "body_" + language)) {
                float boost = field.startsWith("title") ? 3f : 1f;
                any.add(new BoostQuery(new TermQuery(new Term(field, w)), 2f * boost), Occur.SHOULD);
                if (w.length() >= 4) {
                    int edits = w.length() >= 8 ? 2 : 1;
                    any.add(new BoostQuery(new FuzzyQuery(new Term(field, w), edits, 1), boost), Occur.SHOULD);
                }
                if (i == words.size() - 1 && w.length() >= 3) {
                    any.add(new BoostQuery(new PrefixQuery(new Term(field, w)), 0.5f * boost), Occur.SHOULD);
                }
            }
        }
        List<String> grams = terms(SearchAnalyzers.grams(), query).stream().filter(g -> g.length() == 3).distinct()
                .toList();
        if (grams.size() >= 2) {
            BooleanQuery.Builder g = new BooleanQuery.Builder();
            grams.forEach(gram -> g.add(new TermQuery(new Term("grams", gram)), Occur.SHOULD));
            g.setMinimumNumberShouldMatch(Math.max(2, (int) Math.ceil(grams.size() * 0.75)));
            any.add(new BoostQuery(g.build(), 0.5f), Occur.SHOULD);
        }
        return any.build();
    }

    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (analyzer; TokenStream ts = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        }
        return terms;
    }

    private static String key(String municipality, long id) {
        return municipality + "#" + id;
    }

    private Snapshot build() {
        long revision = tables.revision(); // before reading: a change meanwhile makes the next poll rebuild
        Map<String, Map<String, String>> synonyms = new HashMap<>();
        synonymRows.findAll().forEach(s -> synonyms.computeIfAbsent(s.municipality() == null ? "" : s.municipality(),
                k -> new LinkedHashMap<>()).put(SearchAnalyzers.fold(s.term()), s.means()));
        Map<String, Analyzer> perField = new HashMap<>();
        for (String language : List.of("da", "sv")) {
            perField.put("title_" + language, SearchAnalyzers.words(language));
            perField.put("body_" + language, SearchAnalyzers.words(language));
        }
        perField.put("grams", SearchAnalyzers.grams());
        Map<String, SolutionView> byKey = new HashMap<>();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        AnalyzingInfixSuggester suggester;
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(
                new PerFieldAnalyzerWrapper(SearchAnalyzers.prefixes(), perField)))) {
            suggester = new AnalyzingInfixSuggester(new ByteBuffersDirectory(), SearchAnalyzers.prefixes(),
                    SearchAnalyzers.prefixes(), 2, true);
            int suggestions = 0;
            for (Municipality m : municipalities.municipalities()) {
                String language = SelfServiceCatalogue.language(m);
                for (SolutionView v : catalogue.solutionsFor(m.slug(), null)) {
                    byKey.put(key(m.slug(), v.id()), v);
                    Document doc = new Document();
                    doc.add(new StoredField("id", v.id()));
                    doc.add(new StringField("for", m.slug(), Field.Store.NO));
                    doc.add(new StringField("topic", v.topic(), Field.Store.NO));
                    doc.add(new StringField("source", v.source(), Field.Store.NO));
                    String keywords = v.keywords() == null ? "" : v.keywords();
                    doc.add(new TextField("title_" + language, v.title() + " " + v.topicName() + " " + keywords,
                            Field.Store.NO));
                    doc.add(new TextField("body_" + language, v.description(), Field.Store.NO));
                    doc.add(new TextField("grams", v.title() + " " + v.topicName() + " " + keywords, Field.Store.NO));
                    writer.addDocument(doc);
                    long weight = "municipality".equals(v.source()) ? 2 : 1;
                    suggester.add(new BytesRef(v.title()), Set.of(new BytesRef(m.slug())), weight, null);
                    suggestions++;
                    if (!v.topicName().equals(v.title())) {
                        suggester.add(new BytesRef(v.topicName()), Set.of(new BytesRef(m.slug())), weight, null);
                    }
                }
            }
            writer.commit();
            if (suggestions == 0) {
                // nothing to suggest (no municipality yet, e.g. a new production database): an empty suggester
                suggester.build(org.apache.lucene.search.suggest.InputIterator.EMPTY);
            } else {
                suggester.refresh();
            }
            return new Snapshot(revision, new IndexSearcher(DirectoryReader.open(directory)), suggester,
                    Map.copyOf(byKey), synonyms);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
