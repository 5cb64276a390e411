package dk.borgerflow.inquiry;

import java.util.List;
import org.springframework.data.domain.Page;

/** A page of results with its position: {@code content} and {@code page}. */
record PageView<T>(List<T> content, PageInfo page) {

    record PageInfo(int number, int size, long totalElements, int totalPages) {
    }

    static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(page.getContent(),
                new PageInfo(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
    }
}
