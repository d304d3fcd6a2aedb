package dev.gptoss.fake;

import java.util.Objects;

/**
 * Code missing from a file: the file is {@code prefix + middle + suffix}, and a perfect model asked
 * at the gap writes {@code middle}. HumanEval infilling tasks have this form, with the gap starting
 * at the beginning of a line and {@code middle} made of whole lines, each ending with a newline.
 *
 * @param id a name for reports, such as the task id
 */
public record InfillingGap(String id, String prefix, String middle, String suffix) {
    public InfillingGap {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(middle, "middle");
        Objects.requireNonNull(suffix, "suffix");
    }
}
