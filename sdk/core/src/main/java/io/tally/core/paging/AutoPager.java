package io.tally.core.paging;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a paged listing, fetched page by page as iteration reaches it. Works for
 * offset/limit APIs ({@link #offsetLimit}) and page-number APIs ({@link #pageNumber}); each page is
 * the original request sent again at the next position, with the original request's options.
 *
 * <p>Iteration stops at an empty page or, when the API reports a total, once that many items were
 * seen; without a total, also at a page shorter than the page size. (With a total, a short page
 * does not end the listing: servers cap the page size below the one asked for.) Each {@link #iterator()} starts again from the first page. Failures surface as
 * the request's exceptions from {@code hasNext()}.
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {
    /** Fetches the page at a position: an offset, or a page number. */
    @FunctionalInterface
    public interface PageFetcher<T> {
        /**
         * Fetches the page at {@code position} (an item offset or a page number, as the pager was
         * made) with up to {@code pageSize} items. Its exceptions reach the caller from the
         * iterator's {@code hasNext()}.
         */
        Page<T> fetch(long position, int pageSize);
    }

    private final PageFetcher<T> fetcher;
    private final long start;
    private final int pageSize;
    private final boolean byOffset;

    private AutoPager(PageFetcher<T> fetcher, long start, int pageSize, boolean byOffset) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, got " + pageSize);
        }
        this.fetcher = fetcher;
        this.start = start;
        this.pageSize = pageSize;
        this.byOffset = byOffset;
    }

    /** Pages by item offset: positions {@code start, start+size, …}. */
    public static <T> AutoPager<T> offsetLimit(long startOffset, int pageSize, PageFetcher<T> fetcher) {
        return new AutoPager<>(fetcher, startOffset, pageSize, true);
    }

    /** Pages by page number: positions {@code firstPage, firstPage+1, …}. */
    public static <T> AutoPager<T> pageNumber(long firstPage, int pageSize, PageFetcher<T> fetcher) {
        return new AutoPager<>(fetcher, firstPage, pageSize, false);
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<T>() {
            private long position = start;
            private long seen;
            private Iterator<T> current = java.util.Collections.emptyIterator();
            private boolean last;

            @Override
            public boolean hasNext() {
                while (current == null || !current.hasNext()) {
                    if (last) {
                        return false;
                    }
                    Page<T> page = fetcher.fetch(position, pageSize);
                    int n = page.items().size();
                    seen += n;
                    position += byOffset ? n : 1;
                    if (page.total().isPresent()) {
                        // a server may cap the page size below the one asked for: a short page ends
                        // the listing only when the total says nothing is left
                        last = n == 0 || seen + (byOffset ? start : 0) >= page.total().getAsLong();
                    } else {
                        last = n == 0 || n < pageSize;
                    }
                    current = page.items().iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** The items as a sequential, lazy stream. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }
}
