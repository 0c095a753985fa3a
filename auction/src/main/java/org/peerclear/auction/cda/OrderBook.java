package org.peerclear.auction.cda;

import java.util.Arrays;
import org.peerclear.auction.AuctionTolerances;
import org.peerclear.order.Side;

/**
 * A limit order book with price-time priority: partial fills, cancels and amendments, every
 * trade at the resting order's price. Orders are referred to by int <em>handles</em>; the
 * caller's own identifiers (an order's position in a file, say) travel as an int <em>tag</em>
 * and come back in the callbacks, so the book itself never maps strings.
 *
 * <h2>Priority</h2>
 * An incoming order trades against the best opposite price first and, within a price, against
 * the order that has rested longest; a bid and an ask cross when the bid's price is at least the
 * ask's (equal prices trade). Time priority is the order in which orders reached the book (calls
 * to {@link #add} and priority-losing {@link #amend}s), not the {@code time} argument, which is
 * only reported: a caller that feeds events in time order, as {@link ContinuousAuction} does,
 * gets time priority by that time. An amendment that changes the price or raises the quantity
 * loses the order's place (it is re-entered as if it arrived then, and may trade at once); one
 * that only lowers the quantity keeps it (orders.md).
 *
 * <h2>Representation, and why</h2>
 * The book is on the hot path of the continuous auction and of its benchmark (millions of
 * operations per second), so it allocates nothing per operation once warmed up:
 * <ul>
 *   <li>orders live in <em>slots</em> of parallel primitive arrays (price, remaining quantity,
 *       time, side, level, tag, next and previous links); a handle is a slot index; freed slots
 *       are kept on a free list and reused, so the arrays grow only when more orders rest at once
 *       than ever before;</li>
 *   <li>each price <em>level</em> is a doubly linked FIFO queue of slots (O(1) append, O(1)
 *       removal of any order, which is what cancels need), also in pooled primitive arrays;</li>
 *   <li>each side's levels are kept in a sorted array of primitive price keys with the
 *       <em>best price at the end</em>: finding a level is a binary search, and inserting or
 *       removing one shifts only the levels better than it, which in an exchange-like flow are
 *       few (activity is near the top of the book), so removing the best level after it is
 *       consumed is O(1).</li>
 * </ul>
 *
 * <h2>Callbacks</h2>
 * Every trade is reported to the {@link TradeListener} while both orders' handles are still
 * valid (a fully filled resting order is unlinked and its slot freed right after). An optional
 * {@link MatchFilter} is asked before each trade how much of it may go ahead; it is how the
 * network-aware auction vetoes or cuts matches. A listener or filter must not change the book.
 *
 * <p>A handle is valid from the {@code add} that returns it until its order leaves the book
 * (filled, or cancelled); after that its slot may be reused by a later order. Not thread-safe.
 */
public final class OrderBook {
    /** No order: returned by {@link #add} when the order traded in full and does not rest. */
    public static final int NONE = -1;

    /** Called for every trade. */
    @FunctionalInterface
    public interface TradeListener {
        /**
         * A trade happened. Both handles are valid during the call; {@link #remaining} of both
         * orders is already reduced (zero when filled: the resting order then leaves the book
         * right after the call). A remainder below
         * {@link AuctionTolerances#CDA_QUANTITY_DUST_FRACTION} of the order's quantity counts as
         * filled (rounding of decimal quantities, not something to trade).
         *
         * @param incoming the order that arrived (or was re-entered by an amendment) and took liquidity
         * @param resting  the order that rested on the book; the trade is at its price
         * @param quantity the quantity traded, {@code > 0}
         * @param price    the resting order's price
         * @param time     the incoming order's time (its {@code add} or {@code amend} argument)
         */
        void onTrade(int incoming, int resting, double quantity, double price, long time);
    }

    /** Decides how much of a match may trade (the network-aware auction's check). */
    @FunctionalInterface
    public interface MatchFilter {
        /**
         * How much of a match may trade now. Called before each trade the book would make; when it
         * allows less than {@code quantity} the book trades what it allows (nothing for 0) and the
         * incoming order goes on to the next resting order, leaving this one on the book.
         *
         * @param incoming the incoming order
         * @param resting  the resting order it would trade with
         * @param quantity what price-time priority would trade, {@code > 0}
         * @param price    the price it would trade at (the resting order's)
         * @return the quantity allowed, in {@code [0, quantity]}
         */
        double allowed(int incoming, int resting, double quantity, double price);
    }

    private static final int MIN_CAPACITY = 16;

    private final TradeListener listener;
    private final MatchFilter filter;

    // Order slots (parallel arrays indexed by handle).
    private double[] price;
    private double[] remaining;
    private double[] dust;
    private long[] time;
    private boolean[] buy;
    private boolean[] live;
    private int[] level;
    private int[] tag;
    private int[] next;
    private int[] prev;
    private int freeSlot = NONE;
    private int slotsUsed;
    private int resting;

    // Price levels (pooled; indexed by level id).
    private double[] levelPrice;
    private double[] levelQuantity;
    private int[] levelHead;
    private int[] levelTail;
    private int[] levelCount;
    private int freeLevel = NONE;
    private int levelsUsed;

    private final Ladder bids = new Ladder(true);
    private final Ladder asks = new Ladder(false);

    /**
     * An empty book.
     *
     * @param initialCapacity how many orders may rest at once before the arrays grow
     * @param listener        told of every trade; not null
     * @param filter          asked before every trade, or null to let price-time priority alone decide
     */
    public OrderBook(int initialCapacity, TradeListener listener, MatchFilter filter) {
        if (listener == null) {
            throw new IllegalArgumentException("listener is null");
        }
        this.listener = listener;
        this.filter = filter;
        int c = Math.max(MIN_CAPACITY, initialCapacity);
        price = new double[c];
        remaining = new double[c];
        dust = new double[c];
        time = new long[c];
        buy = new boolean[c];
        live = new boolean[c];
        level = new int[c];
        tag = new int[c];
        next = new int[c];
        prev = new int[c];
        int lc = Math.max(MIN_CAPACITY, c / 4);
        levelPrice = new double[lc];
        levelQuantity = new double[lc];
        levelHead = new int[lc];
        levelTail = new int[lc];
        levelCount = new int[lc];
    }

    /**
     * Adds a limit order without a tag ({@link #tag} returns {@link #NONE}).
     *
     * @param side     buy or sell
     * @param price    the limit price, finite
     * @param quantity {@code > 0}, finite
     * @param time     reported with its trades
     * @return its handle if some of it rests on the book, {@link #NONE} if it traded in full
     * @throws IllegalArgumentException for a non-finite price or a quantity not {@code > 0}
     */
    public int add(Side side, double price, double quantity, long time) {
        return add(side, price, quantity, time, NONE);
    }

    /**
     * Adds a limit order: it trades against the opposite side as far as its price allows, best
     * price first and oldest first within a price, each trade at the resting order's price; what
     * is left rests at the back of its price level.
     *
     * @param side     buy or sell
     * @param price    the limit price, finite
     * @param quantity {@code > 0}, finite
     * @param time     reported with its trades
     * @param tag      the caller's identifier for the order, given back by {@link #tag}
     * @return its handle if some of it rests on the book, {@link #NONE} if it traded in full
     * @throws IllegalArgumentException for a non-finite price or a quantity not {@code > 0}
     */
    public int add(Side side, double price, double quantity, long time, int tag) {
        check(price, quantity);
        int s = allocateSlot();
        this.price[s] = price + 0.0; // + 0.0 turns -0.0 into 0.0: one key per price level
        this.remaining[s] = quantity;
        this.dust[s] = quantity * AuctionTolerances.CDA_QUANTITY_DUST_FRACTION;
        this.time[s] = time;
        this.buy[s] = side == Side.BUY;
        this.tag[s] = tag;
        this.level[s] = NONE;
        return enter(s);
    }

    /**
     * Cancels what is left of an order.
     *
     * @param handle a handle from {@link #add}
     * @return {@code false} if the order had already left the book (the handle is stale)
     */
    public boolean cancel(int handle) {
        if (!isLive(handle)) {
            return false;
        }
        unlink(handle);
        freeSlot(handle);
        return true;
    }

    /**
     * Amends an order, keeping its time.
     *
     * @param handle   a live order's handle
     * @param quantity the new remaining quantity, {@code > 0}
     * @param price    the new limit price
     * @return as {@link #amend(int, double, double, long)}
     * @throws IllegalArgumentException as {@link #amend(int, double, double, long)}
     */
    public boolean amend(int handle, double quantity, double price) {
        return amend(handle, quantity, price, isLive(handle) ? time[handle] : 0);
    }

    /**
     * Amends an order (orders.md): the same price and a quantity no larger than what remains only
     * shrinks it in place, keeping its place in the queue; anything else takes it off the book and
     * re-enters it with the new price and quantity, at the back of its new level and after
     * matching whatever it now crosses (the handle stays the same).
     *
     * @param handle   a live order's handle
     * @param quantity the new remaining quantity, {@code > 0}
     * @param price    the new limit price, finite
     * @param time     the amendment's time: the order's time from now on, reported with trades it makes
     * @return {@code false} if the order had already left the book (nothing changes); {@code true}
     *         otherwise, also when the re-entered order traded in full and left the book
     * @throws IllegalArgumentException for a non-finite price or a quantity not {@code > 0}
     */
    public boolean amend(int handle, double quantity, double price, long time) {
        check(price, quantity);
        if (!isLive(handle)) {
            return false;
        }
        double p = price + 0.0;
        if (p == this.price[handle] && quantity <= remaining[handle]) {
            levelQuantity[level[handle]] -= remaining[handle] - quantity;
            remaining[handle] = quantity;
            dust[handle] = quantity * AuctionTolerances.CDA_QUANTITY_DUST_FRACTION;
            return true;
        }
        unlink(handle);
        this.price[handle] = p;
        this.remaining[handle] = quantity;
        this.dust[handle] = quantity * AuctionTolerances.CDA_QUANTITY_DUST_FRACTION;
        this.time[handle] = time;
        this.level[handle] = NONE;
        live[handle] = false;
        enter(handle);
        return true;
    }

    /**
     * Whether a handle names an order resting on the book.
     *
     * @param handle any int
     * @return {@code true} while the order it was given to rests on the book (a handle whose order
     *         left is stale; once its slot is reused it names the new order)
     */
    public boolean isLive(int handle) {
        return handle >= 0 && handle < slotsUsed && live[handle];
    }

    /**
     * An order's side.
     *
     * @param handle a valid handle
     * @return whether it is a bid
     */
    public boolean isBuy(int handle) {
        return buy[handle];
    }

    /**
     * An order's limit price.
     *
     * @param handle a valid handle
     * @return its price (after amendments)
     */
    public double price(int handle) {
        return price[handle];
    }

    /**
     * What is left of an order.
     *
     * @param handle a valid handle
     * @return its remaining quantity
     */
    public double remaining(int handle) {
        return remaining[handle];
    }

    /**
     * An order's time.
     *
     * @param handle a valid handle
     * @return its time (after priority-losing amendments, the amendment's)
     */
    public long time(int handle) {
        return time[handle];
    }

    /**
     * The caller's identifier of an order.
     *
     * @param handle a valid handle
     * @return the tag given to {@link #add}, or {@link #NONE}
     */
    public int tag(int handle) {
        return tag[handle];
    }

    /** {@return the highest bid price, NaN when no bid rests} */
    public double bestBid() {
        return bids.count == 0 ? Double.NaN : levelPrice[bids.ids[bids.count - 1]];
    }

    /** {@return the lowest ask price, NaN when no ask rests} */
    public double bestAsk() {
        return asks.count == 0 ? Double.NaN : levelPrice[asks.ids[asks.count - 1]];
    }

    /**
     * How many price levels one side has.
     *
     * @param side buy or sell
     * @return the number of distinct prices at which orders of that side rest
     */
    public int levels(Side side) {
        return (side == Side.BUY ? bids : asks).count;
    }

    /**
     * The total quantity resting at a price.
     *
     * @param side  buy or sell
     * @param price a price
     * @return the summed remaining quantity of that side's orders at exactly that price; 0 for none
     */
    public double quantityAt(Side side, double price) {
        Ladder l = side == Side.BUY ? bids : asks;
        int i = l.find(l.key(price + 0.0));
        return i < 0 ? 0 : levelQuantity[l.ids[i]];
    }

    /**
     * The handles resting at a price, in queue order (for tests and inspection; allocates).
     *
     * @param side  buy or sell
     * @param price a price
     * @return the handles, first in the queue first; empty when none rests there
     */
    public int[] queueAt(Side side, double price) {
        Ladder l = side == Side.BUY ? bids : asks;
        int i = l.find(l.key(price + 0.0));
        if (i < 0) {
            return new int[0];
        }
        int lv = l.ids[i];
        int[] out = new int[levelCount[lv]];
        int k = 0;
        for (int s = levelHead[lv]; s != NONE; s = next[s]) {
            out[k++] = s;
        }
        return out;
    }

    /** {@return how many orders rest on the book} */
    public int size() {
        return resting;
    }

    /** Empties the book, keeping its arrays (handles given before are all stale). */
    public void clear() {
        Arrays.fill(live, 0, slotsUsed, false);
        slotsUsed = 0;
        freeSlot = NONE;
        resting = 0;
        levelsUsed = 0;
        freeLevel = NONE;
        bids.count = 0;
        asks.count = 0;
    }

    // ---- matching ----

    /** Matches slot {@code s} (not linked) against the opposite side, then rests what is left. */
    private int enter(int s) {
        final boolean isBuy = buy[s];
        final Ladder opposite = isBuy ? asks : bids;
        final double limit = price[s];
        final long t = time[s];
        double left = remaining[s];
        // Walk the opposite side from its best level down while it crosses.
        for (int i = opposite.count - 1; i >= 0 && left > 0; i--) {
            int lv = opposite.ids[i];
            double px = levelPrice[lv];
            if (isBuy ? px > limit : px < limit) {
                break;
            }
            int r = levelHead[lv];
            while (r != NONE && left > 0) {
                int after = next[r];
                double q = Math.min(left, remaining[r]);
                if (filter != null) {
                    remaining[s] = left; // the filter may look at what the incoming order has left
                    double a = filter.allowed(s, r, q, px);
                    q = a < q ? a : q;
                }
                if (q > 0) {
                    // A remainder that is only rounding (CDA_QUANTITY_DUST_FRACTION) counts as filled.
                    left -= q;
                    if (left <= dust[s]) {
                        left = 0;
                    }
                    double rr = remaining[r] - q;
                    if (rr <= dust[r]) {
                        levelQuantity[lv] -= remaining[r];
                        rr = 0;
                    } else {
                        levelQuantity[lv] -= q;
                    }
                    remaining[r] = rr;
                    remaining[s] = left;
                    listener.onTrade(s, r, q, px, t);
                    if (rr == 0) {
                        unlinkFromLevel(r, lv);
                        freeSlot(r);
                    }
                }
                r = after;
            }
            if (levelCount[lv] == 0) {
                // Without a filter this is always the best level (i == count - 1): an O(1) removal.
                opposite.removeAt(i);
                freeLevel(lv);
            }
        }
        remaining[s] = left;
        if (left <= 0) {
            freeSlot(s);
            return NONE;
        }
        rest(s);
        return s;
    }

    /** Appends slot {@code s} at the back of its price level, creating the level if needed. */
    private void rest(int s) {
        Ladder side = buy[s] ? bids : asks;
        double key = side.key(price[s]);
        int i = side.find(key);
        int lv;
        if (i >= 0) {
            lv = side.ids[i];
        } else {
            lv = allocateLevel(price[s]);
            side.insertAt(-i - 1, key, lv);
        }
        level[s] = lv;
        next[s] = NONE;
        int tail = levelTail[lv];
        prev[s] = tail;
        if (tail == NONE) {
            levelHead[lv] = s;
        } else {
            next[tail] = s;
        }
        levelTail[lv] = s;
        levelCount[lv]++;
        levelQuantity[lv] += remaining[s];
        live[s] = true;
        resting++;
    }

    /** Takes a resting slot off its level, removing the level when it empties; the slot stays allocated. */
    private void unlink(int s) {
        int lv = level[s];
        unlinkFromLevel(s, lv);
        if (levelCount[lv] == 0) {
            Ladder side = buy[s] ? bids : asks;
            side.removeAt(side.find(side.key(levelPrice[lv])));
            freeLevel(lv);
        }
    }

    private void unlinkFromLevel(int s, int lv) {
        int p = prev[s];
        int n = next[s];
        if (p == NONE) {
            levelHead[lv] = n;
        } else {
            next[p] = n;
        }
        if (n == NONE) {
            levelTail[lv] = p;
        } else {
            prev[n] = p;
        }
        levelCount[lv]--;
        levelQuantity[lv] -= remaining[s] > 0 ? remaining[s] : 0;
        live[s] = false;
        resting--;
    }

    // ---- pools ----

    private int allocateSlot() {
        if (freeSlot != NONE) {
            int s = freeSlot;
            freeSlot = next[s];
            return s;
        }
        if (slotsUsed == price.length) {
            growSlots();
        }
        return slotsUsed++;
    }

    private void freeSlot(int s) {
        live[s] = false;
        next[s] = freeSlot;
        freeSlot = s;
    }

    private void growSlots() {
        int c = price.length * 2;
        price = Arrays.copyOf(price, c);
        remaining = Arrays.copyOf(remaining, c);
        dust = Arrays.copyOf(dust, c);
        time = Arrays.copyOf(time, c);
        buy = Arrays.copyOf(buy, c);
        live = Arrays.copyOf(live, c);
        level = Arrays.copyOf(level, c);
        tag = Arrays.copyOf(tag, c);
        next = Arrays.copyOf(next, c);
        prev = Arrays.copyOf(prev, c);
    }

    private int allocateLevel(double p) {
        int lv;
        if (freeLevel != NONE) {
            lv = freeLevel;
            freeLevel = levelHead[lv];
        } else {
            if (levelsUsed == levelPrice.length) {
                int c = levelPrice.length * 2;
                levelPrice = Arrays.copyOf(levelPrice, c);
                levelQuantity = Arrays.copyOf(levelQuantity, c);
                levelHead = Arrays.copyOf(levelHead, c);
                levelTail = Arrays.copyOf(levelTail, c);
                levelCount = Arrays.copyOf(levelCount, c);
            }
            lv = levelsUsed++;
        }
        levelPrice[lv] = p;
        levelQuantity[lv] = 0;
        levelHead[lv] = NONE;
        levelTail[lv] = NONE;
        levelCount[lv] = 0;
        return lv;
    }

    private void freeLevel(int lv) {
        levelHead[lv] = freeLevel; // the free list reuses the head link
        freeLevel = lv;
    }

    private static void check(double price, double quantity) {
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("price must be finite, got " + price);
        }
        if (!(quantity > 0) || Double.isInfinite(quantity)) {
            throw new IllegalArgumentException("quantity must be a finite number > 0, got " + quantity);
        }
    }

    /**
     * One side's price levels: keys ascending with the best level last. The key is the price for
     * bids (best = highest) and its negation for asks (best = lowest), so both sides share one
     * ordering and "best" is always the end of the array, where insertions and removals are cheap.
     */
    private static final class Ladder {
        private final boolean bidSide;
        private double[] keys = new double[MIN_CAPACITY];
        private int[] ids = new int[MIN_CAPACITY];
        private int count;

        Ladder(boolean bidSide) {
            this.bidSide = bidSide;
        }

        double key(double price) {
            return bidSide ? price : -price;
        }

        /** Binary search: the index of {@code key}, or {@code -(insertion point) - 1}. */
        int find(double key) {
            int lo = 0;
            int hi = count - 1;
            // Most lookups are at or near the best price: test the end before bisecting.
            if (hi >= 0 && keys[hi] == key) {
                return hi;
            }
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                double k = keys[mid];
                if (k < key) {
                    lo = mid + 1;
                } else if (k > key) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -(lo + 1);
        }

        void insertAt(int i, double key, int id) {
            if (count == keys.length) {
                keys = Arrays.copyOf(keys, count * 2);
                ids = Arrays.copyOf(ids, count * 2);
            }
            int tail = count - i;
            if (tail > 0) {
                System.arraycopy(keys, i, keys, i + 1, tail);
                System.arraycopy(ids, i, ids, i + 1, tail);
            }
            keys[i] = key;
            ids[i] = id;
            count++;
        }

        void removeAt(int i) {
            int tail = count - i - 1;
            if (tail > 0) {
                System.arraycopy(keys, i + 1, keys, i, tail);
                System.arraycopy(ids, i + 1, ids, i, tail);
            }
            count--;
        }
    }
}
