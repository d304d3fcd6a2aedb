def parse_invoice(text):
    """Split an invoice line into its number and amount."""
    number, amount = text.split(";")
    return number.strip(), float(amount)
