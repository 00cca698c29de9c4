package org.opencc.reporting.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled; null is an empty field. */
final class Csv {
    private Csv() {}

    static void row(Writer out, List<?> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object field = fields.get(i);
            if (field != null) {
                out.write(escape(field.toString()));
            }
        }
        out.write("\r\n");
    }

    static String escape(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
