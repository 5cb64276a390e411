package dk.borgerflow.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * XHTML as PDF (A4 unless the page's CSS says otherwise), with DejaVu Sans embedded as a subset
 * (Latin, Greek, Cyrillic, Arabic, Hebrew letters) in regular and bold: templates name the family
 * {@value #FONT_FAMILY}. The fonts are read once from {@code fonts/dejavu/}.
 */
@Component
public class PdfDocuments {

    public static final String FONT_FAMILY = "DejaVu Sans";

    private final byte[] regularFont = font("DejaVuSans.ttf");
    private final byte[] boldFont = font("DejaVuSans-Bold.ttf");

    public byte[] pdf(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(regularFont), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(boldFont), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] font(String file) {
        try (InputStream in = PdfDocuments.class.getResourceAsStream("/fonts/dejavu/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Font missing from the classpath: fonts/dejavu/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
