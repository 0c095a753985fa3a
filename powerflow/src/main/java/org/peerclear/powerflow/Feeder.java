package org.peerclear.powerflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.PatonCycleBase;
import org.jgrapht.graph.WeightedMultigraph;

/**
 * A distribution feeder: buses, in-service branches, per-unit bases and the slack (substation) bus.
 * This is the user-facing model; methods compile it once into index-based arrays
 * ({@link RadialFeeder}) or a sparse admittance matrix.
 *
 * <h2>Units and signs</h2>
 * <ul>
 *   <li>Power at the API is in kW / kvar; internally everything is per unit on {@link #baseMva()}.</li>
 *   <li>Bus loads are consumption. Extra injections passed to the solvers (the market's trades) are
 *       <em>injections</em>: positive = generation into the feeder, matching the market convention
 *       where {@code p > 0} injects. A consumer buying 5 kW is an injection of {@code -5}.</li>
 *   <li>Voltages are in pu of each bus's base kV; angles in degrees.</li>
 *   <li>Branch impedances are per unit on {@link #baseMva()} and the from-bus base kV.</li>
 * </ul>
 *
 * <p>Buses are addressed by string id or by their index {@code 0..busCount()-1} (the order of
 * {@link #buses()}); all per-bus arrays in this module are indexed this way. Branches are indexed
 * in the order of {@link #branches()} (out-of-service branches are not part of the feeder).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Feeder {
    private final String name;
    private final double baseMva;
    private final List<Bus> buses;
    private final List<Branch> branches;
    private final int slack;
    private final double slackVmPu;
    private final double slackVaDeg;
    private final Map<String, Integer> index;
    private final int[] from;
    private final int[] to;
    private final boolean radial;
    private volatile RadialFeeder radialModel;

    /**
     * @param name       feeder name (case name)
     * @param baseMva    system base, MVA
     * @param buses      buses (ids unique)
     * @param branches   in-service branches; every end must be a bus id
     * @param slackBusId the substation (reference) bus
     * @param slackVmPu  slack voltage magnitude, pu
     * @param slackVaDeg slack voltage angle, degrees
     * @throws IllegalArgumentException on duplicate/unknown bus ids, non-positive bases, or a
     *                                  network that is not connected
     */
    public Feeder(String name, double baseMva, List<Bus> buses, List<Branch> branches, String slackBusId,
                  double slackVmPu, double slackVaDeg) {
        this.name = Objects.requireNonNull(name, "name");
        if (!(baseMva > 0) || !Double.isFinite(baseMva)) {
            throw new IllegalArgumentException("feeder " + name + ": baseMva must be positive, got " + baseMva);
        }
        if (!(slackVmPu > 0) || !Double.isFinite(slackVmPu) || !Double.isFinite(slackVaDeg)) {
            throw new IllegalArgumentException("feeder " + name + ": invalid slack voltage " + slackVmPu + " pu, "
                    + slackVaDeg + " deg");
        }
        this.baseMva = baseMva;
        this.buses = List.copyOf(buses);
        this.branches = List.copyOf(branches);
        if (this.buses.isEmpty()) {
            throw new IllegalArgumentException("feeder " + name + " has no buses");
        }
        this.index = new HashMap<>(this.buses.size() * 2);
        for (int i = 0; i < this.buses.size(); i++) {
            if (index.put(this.buses.get(i).id(), i) != null) {
                throw new IllegalArgumentException("feeder " + name + ": duplicate bus id " + this.buses.get(i).id());
            }
        }
        Integer s = index.get(Objects.requireNonNull(slackBusId, "slackBusId"));
        if (s == null) {
            throw new IllegalArgumentException("feeder " + name + ": unknown slack bus id " + slackBusId);
        }
        this.slack = s;
        this.slackVmPu = slackVmPu;
        this.slackVaDeg = slackVaDeg;
        int m = this.branches.size();
        from = new int[m];
        to = new int[m];
        int[] uf = new int[this.buses.size()];
        for (int i = 0; i < uf.length; i++) {
            uf[i] = i;
        }
        boolean cycle = false;
        int components = uf.length;
        for (int b = 0; b < m; b++) {
            Branch br = this.branches.get(b);
            from[b] = lookup(br.fromBus(), "branch " + br.id());
            to[b] = lookup(br.toBus(), "branch " + br.id());
            int ra = find(uf, from[b]);
            int rb = find(uf, to[b]);
            if (ra == rb) {
                cycle = true;
            } else {
                uf[ra] = rb;
                components--;
            }
        }
        if (components != 1) {
            int root = find(uf, slack);
            for (int i = 0; i < uf.length; i++) {
                if (find(uf, i) != root) {
                    throw new IllegalArgumentException("feeder " + name + " is not connected: bus "
                            + this.buses.get(i).id() + " is not connected to the slack bus " + slackBusId
                            + " (" + components + " islands)");
                }
            }
        }
        this.radial = !cycle;
    }

    private static int find(int[] uf, int i) {
        while (uf[i] != i) {
            uf[i] = uf[uf[i]];
            i = uf[i];
        }
        return i;
    }

    private int lookup(String id, String context) {
        Integer i = index.get(id);
        if (i == null) {
            throw new IllegalArgumentException("feeder " + name + ": " + context + " refers to unknown bus id " + id);
        }
        return i;
    }

    /** {@return the feeder (case) name; for a MATPOWER case its function name} */
    public String name() {
        return name;
    }

    /** {@return the system base power in MVA, the per-unit base of every branch impedance; positive} */
    public double baseMva() {
        return baseMva;
    }

    /** {@return the base voltage of the slack (substation) bus, kV line-to-line} */
    public double baseKv() {
        return buses.get(slack).baseKv();
    }

    /** {@return the buses in index order (unmodifiable); position {@code i} is bus index {@code i}} */
    public List<Bus> buses() {
        return buses;
    }

    /** {@return the in-service branches in index order (unmodifiable)} */
    public List<Branch> branches() {
        return branches;
    }

    /** {@return the number of buses, at least 1; bus indices run {@code 0..busCount()-1}} */
    public int busCount() {
        return buses.size();
    }

    /** {@return the number of (in-service) branches; {@code busCount()-1} on a radial feeder} */
    public int branchCount() {
        return branches.size();
    }

    /** {@return the bus ids in index order (unmodifiable, a fresh list per call)} */
    public List<String> busIds() {
        List<String> ids = new ArrayList<>(buses.size());
        for (Bus b : buses) {
            ids.add(b.id());
        }
        return Collections.unmodifiableList(ids);
    }

    /**
     * Index of a bus id.
     *
     * @param id a bus id of this feeder
     * @return its index, {@code 0..busCount()-1}
     * @throws IllegalArgumentException if the id is unknown
     */
    public int busIndex(String id) {
        return lookup(id, "lookup");
    }

    /** {@return the index of the slack (substation) bus} */
    public int slackIndex() {
        return slack;
    }

    /** {@return the slack voltage magnitude in pu of its base kV, held fixed by the power flows} */
    public double slackVmPu() {
        return slackVmPu;
    }

    /** {@return the slack voltage angle in degrees, the reference of every other angle} */
    public double slackVaDeg() {
        return slackVaDeg;
    }

    /**
     * Index of the from bus (sending end of reported flows) of branch {@code b}.
     *
     * @param b a branch index, {@code 0..branchCount()-1}
     * @return a bus index
     */
    public int fromIndex(int b) {
        return from[b];
    }

    /**
     * Index of the to bus of branch {@code b}.
     *
     * @param b a branch index, {@code 0..branchCount()-1}
     * @return a bus index
     */
    public int toIndex(int b) {
        return to[b];
    }

    /** {@return the fixed active load per bus (consumption, kW, positive draws), indexed by bus index; a fresh array} */
    public double[] fixedLoadKw() {
        double[] p = new double[buses.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = buses.get(i).pLoadKw();
        }
        return p;
    }

    /** {@return {@code true} if the feeder is a tree (connected, {@code busCount()-1} branches, no parallel branches)} */
    public boolean isRadial() {
        return radial;
    }

    /**
     * The compact radial model, built once and cached.
     *
     * @return the index-based model the sweep and LinDistFlow work on
     * @throws NotRadialException if the feeder is meshed; the message names one cycle
     */
    public RadialFeeder radial() {
        RadialFeeder r = radialModel;
        if (r == null) {
            if (!radial) {
                throw new NotRadialException("feeder " + name + " is meshed (" + branches.size() + " branches for "
                        + buses.size() + " buses), radial methods need a tree; one loop: " + describeCycle()
                        + ". Use the Newton-Raphson AC power flow for meshed networks.");
            }
            r = new RadialFeeder(this, from, to);
            radialModel = r;
        }
        return r;
    }

    /**
     * The topology as a JGraphT multigraph: vertices are bus ids, edges are branch indices (as
     * {@code Integer}, weight = |z| in pu). Built on each call.
     *
     * @return a new graph the caller may change
     */
    public Graph<String, Integer> topology() {
        Graph<String, Integer> g = new WeightedMultigraph<>(null, null);
        for (Bus b : buses) {
            g.addVertex(b.id());
        }
        for (int b = 0; b < branches.size(); b++) {
            Branch br = branches.get(b);
            g.addEdge(br.fromBus(), br.toBus(), b);
            g.setEdgeWeight(b, Math.hypot(br.rPu(), br.xPu()));
        }
        return g;
    }

    /**
     * The loops of a meshed feeder as lists of bus ids (a cycle basis, via JGraphT); empty if radial.
     *
     * @return one list of bus ids per independent loop; {@code branchCount() - busCount() + 1} of them
     */
    public List<List<String>> loops() {
        if (radial) {
            return List.of();
        }
        Graph<String, Integer> g = topology();
        List<List<String>> out = new ArrayList<>();
        for (List<Integer> cycle : new PatonCycleBase<>(g).getCycleBasis().getCycles()) {
            List<String> ids = new ArrayList<>();
            for (Integer e : cycle) {
                String f = g.getEdgeSource(e);
                String t = g.getEdgeTarget(e);
                if (!ids.contains(f)) {
                    ids.add(f);
                }
                if (!ids.contains(t)) {
                    ids.add(t);
                }
            }
            out.add(List.copyOf(ids));
        }
        return out;
    }

    private String describeCycle() {
        List<List<String>> loops = loops();
        if (loops.isEmpty()) {
            return "?";
        }
        List<String> c = loops.get(0);
        return "buses " + String.join("-", c) + " (" + loops.size() + " independent loops)";
    }

    @Override
    public String toString() {
        return "Feeder[" + name + ", " + buses.size() + " buses, " + branches.size() + " branches, baseMVA="
                + baseMva + ", slack=" + buses.get(slack).id() + "]";
    }
}
