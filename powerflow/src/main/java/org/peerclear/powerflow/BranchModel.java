package org.peerclear.powerflow;

/** MATPOWER pi-model branch admittances (package-private helper). */
final class BranchModel {
    private BranchModel() {
    }

    /**
     * Fills {@code y} with Yff, Yft, Ytf, Ytt as (re, im) pairs: series admittance ys = 1/(r + jx),
     * complex tap a = tap e^{j shift}, Yff = (ys + jb/2)/|a|^2, Yft = -ys/conj(a), Ytf = -ys/a,
     * Ytt = ys + jb/2.
     */
    static void admittances(Branch br, double[] y) {
        double r = br.rPu();
        double x = br.xPu();
        double d = r * r + x * x;
        double gs = r / d;
        double bs = -x / d;
        double hb = br.bPu() / 2;
        double t = br.tap();
        double sh = Math.toRadians(br.shiftDeg());
        double aRe = t * Math.cos(sh);
        double aIm = t * Math.sin(sh);
        double t2 = t * t;
        y[0] = gs / t2;
        y[1] = (bs + hb) / t2;
        // -ys / conj(a) = -ys * a / |a|^2
        y[2] = -(gs * aRe - bs * aIm) / t2;
        y[3] = -(gs * aIm + bs * aRe) / t2;
        // -ys / a = -ys * conj(a) / |a|^2
        y[4] = -(gs * aRe + bs * aIm) / t2;
        y[5] = -(bs * aRe - gs * aIm) / t2;
        y[6] = gs;
        y[7] = bs + hb;
    }
}
