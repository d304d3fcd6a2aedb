package main

func Enlarge(points [][]float64, factor float64) [][]float64 {
	result := [][]float64{}
	for _, point := range points {
		result = append(result, ScaleVector(