package main

// ScaleVector multiplies each component of the vector by the factor.
func ScaleVector(vector []float64, factor float64) []float64 {
	scaled := make([]float64, len(vector))
	for i, component := range vector {
		scaled[i] = component * factor
	}
	return scaled
}
