package org.studioresidency.notification.mail;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * The learning-loop email's charts as PNG images (JFreeChart on Java2D, on a headless JVM): what an ordinary mail client
 * shows inline, unlike SVG. Drawn at twice the size they are shown at, so they stay sharp on high-density screens.
 */
public final class LearningLoopCharts {

    static {
        // No display on a server: Java2D draws into images only. Set before any AWT class is used; the container and the
        // tests pass -Djava.awt.headless=true as well.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Shown at this size (CSS pixels); the image has twice as many. */
    public static final int WIDTH = 560;
    public static final int HEIGHT = 240;

    private static final Color PAIRING = new Color(0x1f, 0x4e, 0x79);
    private static final Color DISTRICT = new Color(0x9a, 0xa5, 0xb1);
    private static final Color OPEN = new Color(0x1f, 0x4e, 0x79);
    private static final Color OVERDUE = new Color(0xb4, 0x23, 0x18);
    private static final Color CLOSED = new Color(0x2e, 0x7d, 0x32);
    private static final Color GRID = new Color(0xdf, 0xe3, 0xe8);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    private LearningLoopCharts() {
    }

    /** A session number with the share of its demonstrations led by school staff (0..1), or null for none. */
    public record Share(int sessionNumber, Double share) {
    }

    /** A school's (or the district median's) open, overdue and recently closed next steps. */
    public record Steps(String name, double open, double overdue, double closed) {
    }

    /** Gradual release: the pairing's line and the district's, in percent by session number. */
    public static byte[] gradualRelease(List<Share> pairing, List<Share> district) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("This pairing", pairing));
        data.addSeries(series("District", district));
        JFreeChart chart = ChartFactory.createXYLineChart(null, "Session number", "Share of demonstrations", data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.setTitle(new TextTitle("Demonstrations led by school staff", TITLE));
        XYPlot plot = chart.getXYPlot();
        style(chart);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlinePaint(GRID);
        NumberAxis sessions = (NumberAxis) plot.getDomainAxis();
        sessions.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        int last = Math.max(maxNumber(pairing), maxNumber(district));
        sessions.setRange(0.75, Math.max(2, last) + 0.25);
        NumberAxis share = (NumberAxis) plot.getRangeAxis();
        share.setRange(0, 1.05);
        share.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.US));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, PAIRING);
        renderer.setSeriesStroke(0, new BasicStroke(3f));
        renderer.setSeriesPaint(1, DISTRICT);
        renderer.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
        plot.setRenderer(renderer);
        return png(chart);
    }

    /** Follow-through between visits: each school's open, overdue and recently closed steps, and the district medians. */
    public static byte[] followThrough(List<Steps> schools, Steps districtMedian) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Steps s : schools) {
            add(data, s);
        }
        if (districtMedian != null) {
            add(data, districtMedian);
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, "Next steps", data, PlotOrientation.VERTICAL, true, false, false);
        chart.setTitle(new TextTitle("Follow-through between visits", TITLE));
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        renderer.setSeriesPaint(0, OPEN);
        renderer.setSeriesPaint(1, OVERDUE);
        renderer.setSeriesPaint(2, CLOSED);
        return png(chart);
    }

    private static void add(DefaultCategoryDataset data, Steps s) {
        data.addValue(s.open(), "Open", s.name());
        data.addValue(s.overdue(), "Overdue", s.name());
        data.addValue(s.closed(), "Closed in the last 7 days", s.name());
    }

    private static XYSeries series(String name, List<Share> points) {
        XYSeries series = new XYSeries(name);
        for (Share p : points) {
            if (p.share() != null) {
                series.add(p.sessionNumber(), p.share());
            }
        }
        return series;
    }

    private static int maxNumber(List<Share> points) {
        return points.stream().mapToInt(Share::sessionNumber).max().orElse(1);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
    }

    private static byte[] png(JFreeChart chart) {
        try {
            return ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH * 2, HEIGHT * 2, WIDTH, HEIGHT, null));
        } catch (IOException e) {
            throw new UncheckedIOException("A learning-loop chart could not be encoded as PNG", e);
        }
    }
}
