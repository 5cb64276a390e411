package dk.borgerflow.reporting;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Component;

/**
 * The reports' charts, drawn by JFreeChart on the server as PNG and embedded as {@code data:} URIs,
 * so the dashboard, the evaluation's HTML and its PDF show the very same pictures.
 */
@Component
class ReportCharts {

    static final int WIDTH = 760;
    static final int HEIGHT = 300;
    private static final Color[] PALETTE = {new Color(0x1f5fa8), new Color(0xd9822b), new Color(0x2e8540),
        new Color(0x8e44ad), new Color(0xc0392b), new Color(0x16a085), new Color(0x7f8c8d), new Color(0xb7950b),
        new Color(0x2c3e50), new Color(0xe84393)};

    /** Lines over the categories (e.g. months), one per series; {@code target} draws a dashed line. */
    String lines(String title, String valueAxis, List<String> categories, Map<String, List<Double>> series,
            Double target, String targetLabel) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        series.forEach((name, values) -> {
            for (int i = 0; i < categories.size(); i++) {
                data.addValue(i < values.size() ? values.get(i) : null, name, categories.get(i));
            }
        });
        JFreeChart chart = ChartFactory.createLineChart(title, null, valueAxis, data, PlotOrientation.VERTICAL,
                true, false, false);
        CategoryPlot plot = style(chart);
        for (int i = 0; i < series.size(); i++) {
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(2.2f));
        }
        if (target != null) {
            ValueMarker marker = new ValueMarker(target, new Color(0xc0392b), new BasicStroke(1.5f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            marker.setLabel(targetLabel);
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            marker.setLabelPaint(new Color(0xc0392b));
            plot.addRangeMarker(marker);
            plot.getRangeAxis().setRange(0, 100);
        }
        return png(chart);
    }

    /** Bars over the categories, one colour per series; {@code stacked} piles them. */
    String bars(String title, String valueAxis, List<String> categories, Map<String, List<? extends Number>> series,
            boolean stacked) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        series.forEach((name, values) -> {
            for (int i = 0; i < categories.size(); i++) {
                data.addValue(i < values.size() ? values.get(i) : null, name, categories.get(i));
            }
        });
        JFreeChart chart = stacked
                ? ChartFactory.createStackedBarChart(title, null, valueAxis, data, PlotOrientation.VERTICAL, true,
                        false, false)
                : ChartFactory.createBarChart(title, null, valueAxis, data, PlotOrientation.VERTICAL,
                        series.size() > 1, false, false);
        CategoryPlot plot = style(chart);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        return png(chart);
    }

    private static CategoryPlot style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setOutlineVisible(false);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(
                java.text.NumberFormat.getNumberInstance(java.util.Locale.forLanguageTag("da")));
        for (int i = 0; i < PALETTE.length; i++) {
            plot.getRenderer().setSeriesPaint(i, PALETTE[i]);
        }
        return plot;
    }

    private static String png(JFreeChart chart) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
