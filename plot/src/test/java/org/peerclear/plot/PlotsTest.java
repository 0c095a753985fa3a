package org.peerclear.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Market;

class PlotsTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    static final String ONE_PERIOD = """
        {"market":"m","status":"OPTIMAL","units":{"power":"kW","currency":"EUR","periodHours":1.0},
         "agents":[{"id":"s","p":2.0,"price":0.12},{"id":"d","p":-2.0,"price":0.14},{"id":"grid","p":0.0,"price":null}],
         "assets":[{"id":"s.gen","p":2.0},{"id":"d.load","p":-2.0}],
         "buses":[{"id":"1","vm":1.0,"vmLinear":1.0,"price":0.0},{"id":"2","vm":0.97,"vmLinear":0.972,"price":0.01},
                  {"id":"3","vm":0.95,"vmLinear":0.953,"price":0.02}],
         "network":{"vMin":0.9,"vMax":1.05},
         "convergence":{"iteration":[1,2,3],"primal":[1.0,0.1,0.0],"dual":[0.5,0.05,0.005]}}""";

    static final String HORIZON = """
        {"market":"h","status":"OPTIMAL","periods":2,"units":{"power":"kW","currency":"EUR","periodHours":0.5},
         "agents":[{"id":"a","p":[1.0,-1.0],"price":[0.1,0.2]}],
         "assets":[{"id":"a.bat","p":[1.0,-1.0],"energy":[5.0,4.0,5.0]},{"id":"a.pv","p":[0.0,0.0]}],
         "buses":[{"id":"1","vm":[1.0,1.0]},{"id":"2","vm":[0.98,0.96]}],"vMin":0.9,"vMax":1.1}""";

    static ResultData data(String json) throws Exception {
        return ResultReader.parse(new ObjectMapper().readTree(json), "test.json");
    }

    static Market market() {
        return Market.builder("m").agent(new Agent("s", List.of(new Asset("s.gen", 0, 4, 0.02, 0.1))))
                .agent(new Agent("d", List.of(new Asset("d.load", -4, 0, 0.03, 0.2)))).build();
    }

    static Picture picture(PlotKind kind) throws Exception {
        return switch (kind) {
            case ENERGY -> Plots.picture(kind, data(HORIZON), null);
            case SUPPLY_DEMAND -> Plots.picture(kind, data(ONE_PERIOD), market());
            default -> Plots.picture(kind, data(ONE_PERIOD), null);
        };
    }

    @ParameterizedTest
    @EnumSource(PlotKind.class)
    void everyKindRendersPngAndSvgWithTheSameBytesTwice(PlotKind kind) throws Exception {
        for (PictureWriter.Format f : PictureWriter.Format.values()) {
            byte[] first = PictureWriter.bytes(picture(kind), f);
            byte[] second = PictureWriter.bytes(picture(kind), f);
            assertThat(second).as(kind + " " + f).isEqualTo(first);
            if (f == PictureWriter.Format.PNG) {
                assertThat(first).startsWith(0x89, 'P', 'N', 'G');
            } else {
                assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8)).contains("<svg", "</svg>");
            }
        }
    }

    @Test
    void voltageSeriesAreTheResultsVoltagesWithTheLimitsAsMarkers() throws Exception {
        XYPlot plot = (XYPlot) Plots.picture(PlotKind.VOLTAGE, data(ONE_PERIOD), null).charts().get(0).getPlot();
        XYDataset ds = plot.getDataset();
        assertThat(ys(ds, 0)).containsExactly(1.0, 0.97, 0.95);
        assertThat(ys(ds, 1)).containsExactly(1.0, 0.972, 0.953);
        assertThat(plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).extracting(m -> ((org.jfree.chart.plot.ValueMarker) m)
                .getValue()).containsExactlyInAnyOrder(0.9, 1.05);
    }

    /**
     * <pre>
     *   1 ── 2          bus 3 hangs from bus 1, not from bus 2:
     *   └─── 3          no line from 2 to 3 in feeder order
     * </pre>
     */
    @Test
    void theProfileBreaksItsLineWhereALateralStarts() throws Exception {
        String withLateral = ONE_PERIOD.replace("\"buses\":", "\"branches\":[{\"from\":\"1\",\"to\":\"2\"},"
                + "{\"from\":\"1\",\"to\":\"3\"}],\"buses\":");
        XYPlot plot = (XYPlot) Plots.picture(PlotKind.VOLTAGE, data(withLateral), null).charts().get(0).getPlot();
        XYDataset ds = plot.getDataset();
        assertThat(ds.getItemCount(0)).isEqualTo(4);
        assertThat(ds.getXValue(0, 2)).isEqualTo(1.5);
        assertThat(ds.getYValue(0, 2)).isNaN();
        assertThat(ds.getYValue(0, 3)).isEqualTo(0.95);
        // Without branches nothing is known about laterals: one line.
        assertThat(((XYPlot) Plots.picture(PlotKind.VOLTAGE, data(ONE_PERIOD), null).charts().get(0).getPlot()).getDataset()
                .getItemCount(0)).isEqualTo(3);
    }

    @Test
    void aHorizonsVoltagesAreAHeatMapOfPeriodAndBus() throws Exception {
        XYPlot plot = (XYPlot) Plots.picture(PlotKind.VOLTAGE, data(HORIZON), null).charts().get(0).getPlot();
        XYZDataset ds = (XYZDataset) plot.getDataset();
        assertThat(ds.getItemCount(0)).isEqualTo(4);
        // bus 2 (y = 1) in period 1 (x = 1)
        assertThat(ds.getXValue(0, 3)).isEqualTo(1.0);
        assertThat(ds.getYValue(0, 3)).isEqualTo(1.0);
        assertThat(ds.getZValue(0, 3)).isEqualTo(0.96);
    }

    @Test
    void pricesAreOneBarPerAgentAndALineAlongTheFeeder() throws Exception {
        Picture p = Plots.picture(PlotKind.PRICES, data(ONE_PERIOD), null);
        assertThat(p.charts()).hasSize(2);
        CategoryPlot bars = (CategoryPlot) p.charts().get(0).getPlot();
        assertThat(bars.getDataset().getValue("price", "s")).isEqualTo(0.12);
        assertThat(bars.getDataset().getValue("price", "d")).isEqualTo(0.14);
        assertThat(bars.getDataset().getValue("price", "grid")).isNull();
        assertThat(ys(((XYPlot) p.charts().get(1).getPlot()).getDataset(), 0)).containsExactly(0.0, 0.01, 0.02);
    }

    @Test
    void convergenceDrawsThePositiveResidualsPerIteration() throws Exception {
        XYDataset ds = ((XYPlot) Plots.picture(PlotKind.CONVERGENCE, data(ONE_PERIOD), null).charts().get(0).getPlot()).getDataset();
        assertThat(ys(ds, 0)).containsExactly(1.0, 0.1); // the 0 has no place on a log scale
        assertThat(ys(ds, 1)).containsExactly(0.5, 0.05, 0.005);
        assertThat(ds.getXValue(1, 2)).isEqualTo(3.0);
    }

    @Test
    void energyHasTPlusOnePointsAtThePeriodBoundaries() throws Exception {
        XYDataset ds = ((XYPlot) Plots.picture(PlotKind.ENERGY, data(HORIZON), null).charts().get(0).getPlot()).getDataset();
        assertThat(ds.getSeriesCount()).isEqualTo(1);
        assertThat(ys(ds, 0)).containsExactly(5.0, 4.0, 5.0);
        assertThat(ds.getXValue(0, 2)).isEqualTo(1.0); // two periods of half an hour
    }

    @Test
    void supplyAndDemandAreTheAssetsMarginalCurvesAndTheirCrossingIsThePoolPoint() throws Exception {
        XYDataset ds = ((XYPlot) Plots.picture(PlotKind.SUPPLY_DEMAND, data(ONE_PERIOD), market()).charts().get(0).getPlot())
                .getDataset();
        // supply b + a·p from (0, 0.1) to (4, 0.18); demand b − a·d from (0, 0.2) to (4, 0.08)
        assertThat(ds.getXValue(0, 0)).isEqualTo(0.0);
        assertThat(ds.getYValue(0, 0)).isEqualTo(0.1);
        // (b + a·pMax − b) / a rounds to 4 within an ulp or two
        assertThat(ds.getXValue(0, ds.getItemCount(0) - 1)).isCloseTo(4.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ds.getYValue(0, ds.getItemCount(0) - 1)).isCloseTo(0.18, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(ds.getYValue(1, 0)).isEqualTo(0.2);
        assertThat(ds.getXValue(1, ds.getItemCount(1) - 1)).isCloseTo(4.0, org.assertj.core.data.Offset.offset(1e-12));
        SupplyDemandCurves c = new SupplyDemandCurves(market());
        // the pool price where 0.1 + 0.02 q = 0.2 − 0.03 q: q = 2, price 0.14
        assertThat(c.supplied(0.14, false)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c.demanded(0.14, false)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-12));
        // the cleared point: what the agents supplied, at their volume-weighted price
        assertThat(ds.getXValue(2, 0)).isEqualTo(2.0);
        assertThat(ds.getYValue(2, 0)).isCloseTo(0.13, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void aResultWithoutWhatTheKindNeedsSaysWhatIsMissing() throws Exception {
        ResultData horizon = data(HORIZON);
        ResultData bare = data("{\"market\":\"m\",\"status\":\"INFEASIBLE\",\"agents\":[],\"assets\":[]}");
        assertThatThrownBy(() -> Plots.picture(PlotKind.VOLTAGE, bare, null)).isInstanceOf(MissingDataException.class)
                .hasMessageContaining("no buses").hasMessageContaining("INFEASIBLE");
        assertThatThrownBy(() -> Plots.picture(PlotKind.PRICES, bare, null)).hasMessageContaining("no agents");
        assertThatThrownBy(() -> Plots.picture(PlotKind.CONVERGENCE, horizon, null)).hasMessageContaining("--record-convergence");
        assertThatThrownBy(() -> Plots.picture(PlotKind.ENERGY, data(ONE_PERIOD), null)).hasMessageContaining("no assets with 'energy'");
        assertThatThrownBy(() -> Plots.picture(PlotKind.SUPPLY_DEMAND, data(ONE_PERIOD), null)).hasMessageContaining("--case");
        assertThatThrownBy(() -> PlotKind.parse("heat")).hasMessageContaining("supply-demand");
        assertThatThrownBy(() -> PictureWriter.Format.of(java.nio.file.Path.of("x.jpg"))).hasMessageContaining(".png or .svg");
    }

    private static double[] ys(XYDataset ds, int series) {
        double[] y = new double[ds.getItemCount(series)];
        for (int i = 0; i < y.length; i++) {
            y[i] = ds.getYValue(series, i);
        }
        return y;
    }
}
