mod geometry;
use geometry::scale_vector;

pub fn enlarge(points: &[Vec<f64>], factor: f64) -> Vec<Vec<f64>> {
    points.iter().map(|point| scale_vector(