package dev.gptoss.ls.backend;

public record ChatMessage(String role, String content) {
}
