package main

import "strings"

// ParseInvoice splits an invoice line into its number and amount.
func ParseInvoice(text string) []string {
	return strings.Split(text, ";")
}
