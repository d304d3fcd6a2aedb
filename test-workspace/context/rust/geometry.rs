/// Multiplies each component of the vector by the factor.
pub fn scale_vector(vector: &[f64], factor: f64) -> Vec<f64> {
    vector.iter().map(|component| component * factor).collect()
}
