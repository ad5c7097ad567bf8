package org.webrtcscratch.bench.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A PNG bar chart: groups (load points) of bars (one per server), each with a min–max whisker. */
public final class BarChart {

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<String> servers = new ArrayList<>();
    private final Map<String, Map<String, Spread>> groups = new LinkedHashMap<>();

    public BarChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public BarChart bar(String group, String server, Spread value) {
        if (!servers.contains(server)) {
            servers.add(server);
        }
        groups.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(server, value);
        return this;
    }

    public void write(Path file) {
        double max = groups.values().stream().flatMap(g -> g.values().stream())
                .mapToDouble(s -> s.samples() == 0 ? 0 : s.max()).max().orElse(1);
        ChartCanvas canvas = new ChartCanvas(title, yLabel, max);
        int groupWidth = canvas.plotWidth() / Math.max(1, groups.size());
        int barWidth = Math.max(6, (int) (groupWidth * 0.7 / Math.max(1, servers.size())));
        int groupIndex = 0;
        for (Map.Entry<String, Map<String, Spread>> group : groups.entrySet()) {
            int x0 = ChartCanvas.LEFT + groupIndex++ * groupWidth + (groupWidth - barWidth * servers.size()) / 2;
            for (int s = 0; s < servers.size(); s++) {
                Spread spread = group.getValue().get(servers.get(s));
                if (spread == null || spread.samples() == 0) {
                    continue;
                }
                int x = x0 + s * barWidth;
                int top = canvas.yPixel(spread.median());
                canvas.g.setColor(ChartCanvas.PALETTE.get(s % ChartCanvas.PALETTE.size()));
                canvas.g.fillRect(x + 2, top, barWidth - 4, ChartCanvas.TOP + canvas.plotHeight() - top);
                canvas.g.setColor(Color.BLACK);
                int mid = x + barWidth / 2;
                canvas.g.drawLine(mid, canvas.yPixel(spread.min()), mid, canvas.yPixel(spread.max()));
                String label = ChartCanvas.format(spread.median());
                canvas.g.drawString(label, mid - canvas.g.getFontMetrics().stringWidth(label) / 2, top - 4);
            }
            canvas.g.setColor(Color.BLACK);
            String label = group.getKey();
            canvas.g.drawString(label, ChartCanvas.LEFT + (groupIndex - 1) * groupWidth + groupWidth / 2
                    - canvas.g.getFontMetrics().stringWidth(label) / 2, ChartCanvas.TOP + canvas.plotHeight() + 16);
        }
        canvas.xLabel(xLabel);
        canvas.legend(servers);
        canvas.write(file);
    }
}
