final class Invoices {
    /** Splits an invoice line into its number and amount. */
    static String[] parseInvoice(String text) {
        return text.split(";");
    }
}
