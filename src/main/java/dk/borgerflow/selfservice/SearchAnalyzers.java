package dk.borgerflow.selfservice;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ScandinavianFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.ScandinavianNormalizationFilter;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;

/**
 * The catalogue's analysers. Every one lower-cases and normalises the interchangeable Scandinavian
 * spellings ({@code ae/ä → æ}, {@code oe/ö → ø}, {@code aa → å}: "boligstoette" is "boligstøtte"),
 * and the last step folds æ, ø, å to a, o, a (so "boligstotte" is the same word too).
 * <ul>
 * <li>{@link #words}: stop words and the Snowball stemmer of the language (Danish or Swedish), for
 * ranked matching with typo tolerance (fuzzy terms on the stems);</li>
 * <li>{@link #grams}: character trigrams of every word, so a compound and its parts written apart
 * ("boligstøtte", "bolig støtte") share their grams;</li>
 * <li>{@link #prefixes}: only normalised and folded words, for type-ahead (prefixes must not be stemmed).</li>
 * </ul>
 */
final class SearchAnalyzers {

    private SearchAnalyzers() {
    }

    static Analyzer words(String language) {
        boolean swedish = "sv".equals(language);
        CharArraySet stop = swedish ? SwedishAnalyzer.getDefaultStopSet() : DanishAnalyzer.getDefaultStopSet();
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new LowerCaseFilter(source);
                ts = new StopFilter(ts, stop);
                ts = new ScandinavianNormalizationFilter(ts);
                ts = new SnowballFilter(ts, swedish ? new SwedishStemmer() : new DanishStemmer());
                ts = new ScandinavianFoldingFilter(ts);
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    static Analyzer grams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = folded(new LowerCaseFilter(source));
                ts = new NGramTokenFilter(ts, 3, 3, true);
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    static Analyzer prefixes() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, folded(new LowerCaseFilter(source)));
            }
        };
    }

    private static TokenStream folded(TokenStream in) {
        return new ScandinavianFoldingFilter(new ScandinavianNormalizationFilter(in));
    }

    /** A text as the analysers see it before they split it: lower case, normalised and folded. */
    static String fold(String text) {
        StringBuilder sb = new StringBuilder();
        try (Analyzer a = prefixes(); TokenStream ts = a.tokenStream("f", text)) {
            var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(term);
            }
            ts.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sb.toString();
    }
}
