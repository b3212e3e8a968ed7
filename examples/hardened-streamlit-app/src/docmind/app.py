"""DocMind's Streamlit entry point."""

import streamlit as st

st.title("DocMind")
st.write("Upload documents and ask questions about them.")
