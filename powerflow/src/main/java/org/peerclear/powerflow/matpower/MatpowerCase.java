package org.peerclear.powerflow.matpower;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peerclear.powerflow.Branch;
import org.peerclear.powerflow.Bus;
import org.peerclear.powerflow.Feeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data of a MATPOWER (format version 2) case after its own MATLAB unit conversion statements:
 * {@code baseMVA} and the {@code bus}, {@code gen}, {@code branch} (and optional {@code gencost})
 * matrices in MATPOWER units (MW, MVAr, per unit, kV, degrees). Matrices are row-major
 * {@code double[row][col]} with MATPOWER's 1-based column {@code c} at index {@code c-1}.
 *
 * @param name    case name (function name)
 * @param source  file or resource it came from
 * @param baseMva system base, MVA
 * @param bus     bus matrix
 * @param gen     generator matrix
 * @param branch  branch matrix
 * @param gencost generator cost matrix, or an empty array
 */
public record MatpowerCase(String name, String source, double baseMva, double[][] bus, double[][] gen,
                           double[][] branch, double[][] gencost) {
    private static final Logger LOG = LoggerFactory.getLogger(MatpowerCase.class);

    // MATPOWER column indices (0-based here)
    static final int BUS_I = 0, BUS_TYPE = 1, PD = 2, QD = 3, GS = 4, BS = 5, VM = 7, VA = 8, BASE_KV = 9,
            VMAX = 11, VMIN = 12;
    static final int GEN_BUS = 0, PG = 1, QG = 2, VG = 5, GEN_STATUS = 7;
    static final int F_BUS = 0, T_BUS = 1, BR_R = 2, BR_X = 3, BR_B = 4, RATE_A = 5, TAP = 8, SHIFT = 9,
            BR_STATUS = 10;

    /**
     * Converts to a {@link Feeder}: loads MW to kW, out-of-service branches (status 0, e.g. open tie
     * switches) dropped, tap 0 read as 1, out-of-service generators ignored. The slack is the bus of
     * type 3 (REF); its voltage is the set point of its first in-service generator (else the bus VM).
     * In-service generators at other buses become fixed injections (PV buses are treated as PQ
     * buses at their given PG/QG, with a warning). Isolated buses (type 4) are dropped.
     *
     * @return the feeder, named after the case, power in kW / kvar
     * @throws MatpowerParseException if the data is inconsistent (no/multiple REF buses, bad columns)
     */
    public Feeder toFeeder() {
        requireCols("bus", bus, 13);
        requireCols("gen", gen, 10);
        requireCols("branch", branch, 11);
        int slackRow = -1;
        Set<Integer> isolated = new HashSet<>();
        for (int i = 0; i < bus.length; i++) {
            int type = (int) bus[i][BUS_TYPE];
            if (type == 3) {
                if (slackRow >= 0) {
                    throw new MatpowerParseException(source, 0, "more than one REF (type 3) bus: "
                            + id(bus[slackRow][BUS_I]) + " and " + id(bus[i][BUS_I]));
                }
                slackRow = i;
            } else if (type == 4) {
                isolated.add((int) bus[i][BUS_I]);
            } else if (type != 1 && type != 2) {
                throw new MatpowerParseException(source, 0, "bus " + id(bus[i][BUS_I]) + " has unknown type " + type);
            }
        }
        if (slackRow < 0) {
            throw new MatpowerParseException(source, 0, "no REF (type 3) bus");
        }
        double kw = 1000.0;
        Map<String, double[]> genAt = new HashMap<>();
        String slackId = id(bus[slackRow][BUS_I]);
        double slackVm = bus[slackRow][VM];
        boolean slackVmFromGen = false;
        for (double[] g : gen) {
            if (g[GEN_STATUS] <= 0) {
                continue;
            }
            String b = id(g[GEN_BUS]);
            if (b.equals(slackId)) {
                if (!slackVmFromGen) {
                    slackVm = g[VG];
                    slackVmFromGen = true;
                }
                continue;
            }
            genAt.computeIfAbsent(b, k -> new double[2]);
            genAt.get(b)[0] += g[PG] * kw;
            genAt.get(b)[1] += g[QG] * kw;
        }
        List<Bus> buses = new ArrayList<>();
        for (double[] row : bus) {
            if ((int) row[BUS_TYPE] == 4) {
                continue;
            }
            String id = id(row[BUS_I]);
            double[] g = genAt.getOrDefault(id, new double[2]);
            if ((int) row[BUS_TYPE] == 2) {
                LOG.warn("{}: PV bus {} is treated as a PQ bus with its generator's PG/QG", source, id);
            }
            buses.add(new Bus(id, row[BASE_KV], row[PD] * kw, row[QD] * kw, g[0], g[1], row[GS] * kw, row[BS] * kw,
                    row[VMIN] > 0 ? row[VMIN] : Double.NaN, row[VMAX] > 0 ? row[VMAX] : Double.NaN));
        }
        List<Branch> branches = new ArrayList<>();
        int dropped = 0;
        for (int b = 0; b < branch.length; b++) {
            double[] row = branch[b];
            if (row[BR_STATUS] <= 0) {
                dropped++;
                continue;
            }
            if (isolated.contains((int) row[F_BUS]) || isolated.contains((int) row[T_BUS])) {
                throw new MatpowerParseException(source, 0, "in-service branch " + (b + 1) + " connects isolated bus");
            }
            double tap = row[TAP] == 0 ? 1.0 : row[TAP];
            branches.add(new Branch(Integer.toString(b + 1), id(row[F_BUS]), id(row[T_BUS]), row[BR_R], row[BR_X],
                    row[BR_B], row[RATE_A], tap, row[SHIFT]));
        }
        if (dropped > 0) {
            LOG.debug("{}: dropped {} out-of-service branches", source, dropped);
        }
        return new Feeder(name, baseMva, buses, branches, slackId, slackVm, bus[slackRow][VA]);
    }

    private void requireCols(String what, double[][] m, int cols) {
        for (int i = 0; i < m.length; i++) {
            if (m[i].length < cols) {
                throw new MatpowerParseException(source, 0, "mpc." + what + " row " + (i + 1) + " has " + m[i].length
                        + " columns, at least " + cols + " needed");
            }
        }
    }

    private static String id(double v) {
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException("bus number " + v + " is not an integer");
        }
        return Long.toString((long) v);
    }
}
