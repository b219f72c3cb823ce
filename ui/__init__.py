"""The web layer: FastAPI for the API, Gradio for the chat, settings read once."""
