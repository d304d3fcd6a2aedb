/// Splits an invoice line into its number and amount.
pub fn parse_invoice(text: &str) -> Vec<&str> {
    text.split(';').collect()
}
