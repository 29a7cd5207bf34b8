package io.tally.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Paging stops at an empty page, the reported total or (without a total) a short page, and fetches
 * only what is read.
 */
class AutoPagerTest {
    /** A listing of {@code size} numbered items, recording every fetch. */
    static final class Listing {
        final List<Integer> items;
        final boolean reportTotal;
        final List<Long> fetchedPositions = new ArrayList<>();

        Listing(int size, boolean reportTotal) {
            this.items = IntStream.range(0, size).boxed().collect(Collectors.toList());
            this.reportTotal = reportTotal;
        }

        Page<Integer> byOffset(long offset, int limit) {
            fetchedPositions.add(offset);
            List<Integer> slice = items.subList((int) Math.min(offset, items.size()),
                    (int) Math.min(offset + limit, items.size()));
            return reportTotal ? Page.of(new ArrayList<>(slice), items.size()) : Page.of(new ArrayList<>(slice));
        }

        Page<Integer> byPage(long page, int pageSize) {
            fetchedPositions.add(page);
            return byOffsetQuietly((page - 1) * pageSize, pageSize);
        }

        private Page<Integer> byOffsetQuietly(long offset, int limit) {
            List<Integer> slice = items.subList((int) Math.min(offset, items.size()),
                    (int) Math.min(offset + limit, items.size()));
            return reportTotal ? Page.of(new ArrayList<>(slice), items.size()) : Page.of(new ArrayList<>(slice));
        }
    }

    private static List<Integer> all(Iterable<Integer> pager) {
        List<Integer> out = new ArrayList<>();
        pager.forEach(out::add);
        return out;
    }

    @Test
    void offsetLimitStopsAtAShortPage() {
        Listing listing = new Listing(25, false);

        List<Integer> items = all(AutoPager.offsetLimit(0, 10, listing::byOffset));

        assertThat(items).hasSize(25).startsWith(0, 1).endsWith(24);
        assertThat(listing.fetchedPositions).containsExactly(0L, 10L, 20L);
    }

    @Test
    void offsetLimitStopsAtAnEmptyPageWhenTheLastPageWasFull() {
        Listing listing = new Listing(20, false);

        assertThat(all(AutoPager.offsetLimit(0, 10, listing::byOffset))).hasSize(20);
        assertThat(listing.fetchedPositions).containsExactly(0L, 10L, 20L);
    }

    @Test
    void offsetLimitStopsWhenTheTotalIsReached() {
        Listing listing = new Listing(20, true);

        assertThat(all(AutoPager.offsetLimit(0, 10, listing::byOffset))).hasSize(20);
        assertThat(listing.fetchedPositions).containsExactly(0L, 10L);
    }

    @Test
    void offsetLimitFromAStartOffsetCountsTheSkippedItemsTowardsTheTotal() {
        Listing listing = new Listing(20, true);

        assertThat(all(AutoPager.offsetLimit(5, 5, listing::byOffset))).containsExactlyElementsOf(
                IntStream.range(5, 20).boxed().collect(Collectors.toList()));
        assertThat(listing.fetchedPositions).containsExactly(5L, 10L, 15L);
    }

    @Test
    void emptyListingFetchesOnce() {
        Listing listing = new Listing(0, false);

        assertThat(all(AutoPager.offsetLimit(0, 10, listing::byOffset))).isEmpty();
        assertThat(listing.fetchedPositions).containsExactly(0L);
    }

    @Test
    void pageNumberStopsAtAShortPage() {
        Listing listing = new Listing(25, false);

        assertThat(all(AutoPager.pageNumber(1, 10, listing::byPage))).hasSize(25);
        assertThat(listing.fetchedPositions).containsExactly(1L, 2L, 3L);
    }

    @Test
    void pageNumberStopsAtAnEmptyPage() {
        Listing listing = new Listing(30, false);

        assertThat(all(AutoPager.pageNumber(1, 10, listing::byPage))).hasSize(30);
        assertThat(listing.fetchedPositions).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void pageNumberStopsWhenTheTotalIsReached() {
        Listing listing = new Listing(30, true);

        assertThat(all(AutoPager.pageNumber(1, 10, listing::byPage))).hasSize(30);
        assertThat(listing.fetchedPositions).containsExactly(1L, 2L, 3L);
    }

    /** A server that returns at most {@code cap} items whatever page size is asked for. */
    private static AutoPager.PageFetcher<Integer> capped(Listing listing, int cap, boolean byOffset) {
        return (position, size) -> byOffset ? listing.byOffset(position, Math.min(size, cap))
                : listing.byPage(position, Math.min(size, cap));
    }

    @Test
    void offsetLimitWithATotalReadsOnWhenTheServerCapsThePageSize() {
        Listing listing = new Listing(10, true);

        assertThat(all(AutoPager.offsetLimit(0, 100, capped(listing, 4, true))))
                .containsExactlyElementsOf(IntStream.range(0, 10).boxed().collect(Collectors.toList()));
        assertThat(listing.fetchedPositions).containsExactly(0L, 4L, 8L);
    }

    @Test
    void pageNumberWithATotalReadsOnWhenTheServerCapsThePageSize() {
        Listing listing = new Listing(10, true);

        assertThat(all(AutoPager.pageNumber(1, 100, capped(listing, 4, false))))
                .containsExactlyElementsOf(IntStream.range(0, 10).boxed().collect(Collectors.toList()));
        assertThat(listing.fetchedPositions).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aTotalThatIsNeverReachedStillStopsAtAnEmptyPage() {
        AutoPager<Integer> pager = AutoPager.offsetLimit(0, 10,
                (position, size) -> position == 0 ? Page.of(List.of(1, 2, 3), 50) : Page.of(List.<Integer>of(), 50));

        assertThat(all(pager)).containsExactly(1, 2, 3);
    }

    @Test
    void streamIsLazy() {
        Listing listing = new Listing(100, true);
        AutoPager<Integer> pager = AutoPager.offsetLimit(0, 10, listing::byOffset);

        Stream<Integer> stream = pager.stream();
        assertThat(listing.fetchedPositions).as("making the stream fetches nothing").isEmpty();

        assertThat(stream.limit(12).collect(Collectors.toList())).hasSize(12);
        assertThat(listing.fetchedPositions).as("12 items need two pages").containsExactly(0L, 10L);

        listing.fetchedPositions.clear();
        assertThat(pager.stream().filter(i -> i == 3).findFirst()).contains(3);
        assertThat(listing.fetchedPositions).containsExactly(0L);
    }

    @Test
    void iteratorIsLazyAndEachIterationStartsAgain() {
        Listing listing = new Listing(15, false);
        AutoPager<Integer> pager = AutoPager.offsetLimit(0, 10, listing::byOffset);

        Iterator<Integer> first = pager.iterator();
        assertThat(listing.fetchedPositions).isEmpty();
        assertThat(first.next()).isZero();
        assertThat(listing.fetchedPositions).containsExactly(0L);

        assertThat(all(pager)).hasSize(15);
        assertThat(listing.fetchedPositions).containsExactly(0L, 0L, 10L);
    }

    @Test
    void exhaustedIteratorSaysSo() {
        Iterator<Integer> it = AutoPager.offsetLimit(0, 10, new Listing(1, false)::byOffset).iterator();
        it.next();

        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void fetchFailuresSurfaceFromIteration() {
        AutoPager<Integer> pager = AutoPager.offsetLimit(0, 2, (position, size) -> {
            if (position > 0) {
                throw new IllegalStateException("page at " + position + " failed");
            }
            return Page.of(List.of(1, 2));
        });
        Iterator<Integer> it = pager.iterator();
        it.next();
        it.next();

        assertThatThrownBy(it::hasNext).isInstanceOf(IllegalStateException.class).hasMessage("page at 2 failed");
    }

    @Test
    void pageSizeMustBePositive() {
        assertThatThrownBy(() -> AutoPager.offsetLimit(0, 0, (p, s) -> Page.of(List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pageSize");
    }

    @Test
    void pageNeverHoldsNull() {
        Page<String> page = Page.of(null);

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isEmpty();
        assertThat(Page.of(List.of("a"), 7).total()).hasValue(7);
        assertThat(Page.of(List.of("a"), 7).toString()).isEqualTo("Page[1 items of 7]");
        assertThatThrownBy(() -> Page.of(new ArrayList<>(List.of("a"))).items().add("b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
